package org.umapanim.render;

/** How the plot frames the layout. */
public enum Camera {
    /** The whole normalised square on every frame, as the original: the run's extent over all epochs. */
    FIXED,
    /**
     * Eased to the current layout, so the final layout fills the plot ({@link FollowCamera}). With
     * the fixed camera the final layout of the bundled run fills about half of it (x 0.17–0.89,
     * y 0.25–0.81), because the first epochs spread wider.
     */
    FOLLOW;

    /** Follow: what people share is the result, and the fixed camera shows it at half size. */
    public static final Camera DEFAULT = FOLLOW;

    /** The camera of that name (fixed, follow), as on the command line. */
    public static Camera of(String name) {
        return Choices.of(Camera.class, "camera", name);
    }

    public String cliName() {
        return Choices.name(this);
    }
}
