package org.umapanim.view;

import java.util.List;
import java.util.Objects;

/**
 * How the page looks, as the movie does: its title and subtitle, the reducer's word for a step
 * ("epoch"), and the classes in display order with their colours (0xRRGGBB). The caller passes in the movie's own palette, so the page
 * and the frames colour every class alike without this package knowing how colours are chosen.
 */
public record ViewLook(String title, String subtitle, String step, List<String> classes, int[] colours) {
    public ViewLook {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(subtitle, "subtitle");
        Objects.requireNonNull(step, "step");
        classes = List.copyOf(classes);
        if (classes.isEmpty() || colours.length != classes.size()) {
            throw new IllegalArgumentException(classes.size() + " classes and " + colours.length
                    + " colours: need one colour per class, and at least one class");
        }
        colours = colours.clone();
    }
}
