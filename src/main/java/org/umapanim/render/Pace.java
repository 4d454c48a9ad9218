package org.umapanim.render;

/** How screen time is shared among the epochs ({@link Timeline}). */
public enum Pace {
    /** The same time for every drawn epoch: the original's one frame per epoch. */
    EPOCHS,
    /** Time in proportion to how far the points move, so the fast early epochs can be seen. */
    MOTION;

    /** The pace of that name (epochs, motion), as on the command line. */
    public static Pace of(String name) {
        return Choices.of(Pace.class, "pace", name);
    }

    public String cliName() {
        return Choices.name(this);
    }
}
