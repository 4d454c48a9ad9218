package org.umapanim.cli;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The part of {@code --help} an option is listed under: on an options class (all its options) or
 * on one field (that option). Options without one are listed under {@link Part#RUN}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.FIELD})
@interface HelpSection {
    Part value();

    /** The parts, in the order {@code --help} lists them. */
    enum Part {
        INPUT("Input"),
        LAYOUT("Layout"),
        UMAP("UMAP"),
        TSNE("t-SNE"),
        FRAMES("Frames"),
        MOVIE("Movie"),
        VIEWER("Viewer"),
        FOLDERS("Folders"),
        RUN("Run");

        final String heading;

        Part(String heading) {
            this.heading = heading;
        }
    }
}
