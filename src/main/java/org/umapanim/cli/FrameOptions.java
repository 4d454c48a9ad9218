package org.umapanim.cli;

import org.umapanim.pipeline.Compute;
import org.umapanim.pipeline.RenderSettings;
import picocli.CommandLine.Option;

/** How the frames look. */
final class FrameOptions {
    @Option(names = "--title", paramLabel = "TEXT", description = "Title of every frame (default: the data set's, e.g. \"MNIST data embedded into two dimensions by UMAP\").")
    String title = RenderSettings.DEFAULTS.title();

    @Option(names = "--subtitle", paramLabel = "TEXT", description = "Subtitle of every frame (default: the data set's, e.g. \"Each point is a handwritten digit\").")
    String subtitle = RenderSettings.DEFAULTS.subtitle();

    @Option(names = "--metrics-inset", description = "Draw a small chart of the layout's quality (trustworthiness, neighbours kept, 10-NN accuracy) in the corner of each frame, growing with the epochs (from data/metrics.parquet).")
    boolean metricsInset = RenderSettings.DEFAULTS.metricsInset();

    RenderSettings settings(Compute compute) {
        return new RenderSettings(title, subtitle, metricsInset, compute);
    }
}
