package org.umapanim.pipeline;

import org.umapanim.view.EpochSelection;

/**
 * What {@code view} puts into the HTML viewer.
 *
 * @param title    the page's title, or null for the one prepare recorded (as for the frames)
 * @param subtitle likewise for the subtitle
 * @param epochs   which epochs to keep: {@code all} (thinned evenly when they would not fit), or a
 *                 list such as {@code 0-50,60-200/10} (see {@link EpochSelection})
 */
public record ViewSettings(String title, String subtitle, String epochs) {
    public static final ViewSettings DEFAULTS = new ViewSettings(null, null, EpochSelection.ALL);

    public ViewSettings {
        EpochSelection.parse(epochs);   // a mistyped --view-epochs fails at once, not after prepare and render
    }
}
