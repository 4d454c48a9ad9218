package org.umapanim.render;

import java.util.Arrays;
import java.util.Locale;
import org.umapanim.common.SettingProblem;

/** The lower-case names the options use for render's choices ({@link Camera}, {@link Pace}). */
final class Choices {
    private Choices() {}

    static String name(Enum<?> choice) {
        return choice.name().toLowerCase(Locale.ROOT);
    }

    /** The constant named {@code name}; an unknown name is an error listing the choices. */
    static <E extends Enum<E>> E of(Class<E> type, String what, String name) {
        for (E e : type.getEnumConstants()) {
            if (name(e).equals(name)) {
                return e;
            }
        }
        throw new SettingProblem(what, "must be one of "
                + String.join(", ", Arrays.stream(type.getEnumConstants()).map(Choices::name).toList()) + ", got " + name);
    }
}
