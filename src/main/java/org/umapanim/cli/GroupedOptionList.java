package org.umapanim.cli;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Help;
import picocli.CommandLine.IHelpSectionRenderer;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code --help}'s option list in parts (input, UMAP, frames, movie, viewer, folders, run), each
 * sorted by name, instead of one alphabetical list of thirty-odd options. Each option's part is
 * declared beside it ({@link HelpSection}).
 */
final class GroupedOptionList implements IHelpSectionRenderer {
    @Override
    public String render(Help help) {
        Map<HelpSection.Part, List<OptionSpec>> parts = new EnumMap<>(HelpSection.Part.class);
        for (OptionSpec option : help.commandSpec().options()) {
            if (!option.hidden()) {
                parts.computeIfAbsent(partOf(option), p -> new ArrayList<>()).add(option);
            }
        }
        StringBuilder text = new StringBuilder();
        parts.forEach((part, options) -> {
            options.sort(Comparator.comparing(o -> o.longestName().replaceFirst("^-+", "")));
            Help.Layout layout = help.createDefaultLayout();
            layout.addOptions(options, help.createDefaultParamLabelRenderer());
            text.append(String.format("%n%s:%n", part.heading)).append(layout);
        });
        return text.toString();
    }

    static HelpSection.Part partOf(OptionSpec option) {
        if (!(option.userObject() instanceof Field field)) {
            return HelpSection.Part.RUN;   // --help, --version
        }
        for (AnnotatedElement place = field; place != null; place = outer(place)) {
            HelpSection section = place.getAnnotation(HelpSection.class);
            if (section != null) {
                return section.value();
            }
        }
        return HelpSection.Part.RUN;
    }

    /** The field's class, then the classes it is nested in. */
    private static AnnotatedElement outer(AnnotatedElement place) {
        return place instanceof Field f ? f.getDeclaringClass() : ((Class<?>) place).getEnclosingClass();
    }
}
