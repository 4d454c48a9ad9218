package org.umapanim.cli;

import org.umapanim.pipeline.Compute;
import org.umapanim.pipeline.RenderSettings;
import picocli.CommandLine.Option;

/** How the frames (and the viewer) look. */
final class FrameOptions {
    @Option(names = "--title", paramLabel = "TEXT", description = "Title of every frame and of the viewer (default: the data set's, e.g. \"MNIST data embedded into two dimensions by UMAP\").")
    String title = RenderSettings.DEFAULTS.title();

    @Option(names = "--subtitle", paramLabel = "TEXT", description = "Subtitle of every frame and of the viewer (default: the data set's, e.g. \"Each point is a handwritten digit\").")
    String subtitle = RenderSettings.DEFAULTS.subtitle();

    RenderSettings settings(Compute compute) {
        return new RenderSettings(title, subtitle, compute);
    }
}
