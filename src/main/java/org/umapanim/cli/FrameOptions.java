package org.umapanim.cli;

import java.util.Locale;
import org.umapanim.pipeline.Compute;
import org.umapanim.pipeline.RenderSettings;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** How the frames (and the viewer) look, and which moments of the run the frames show. */
@HelpSection(HelpSection.Part.FRAMES)
final class FrameOptions {
    private static final RenderSettings D = RenderSettings.DEFAULTS;

    @Option(names = "--title", paramLabel = "TEXT", description = "Title of every frame and of the viewer (default: the data set's, e.g. \"MNIST data embedded into two dimensions by UMAP\").")
    String title = D.title();

    @Option(names = "--subtitle", paramLabel = "TEXT", description = "Subtitle of every frame and of the viewer (default: the data set's, e.g. \"Each point is a handwritten digit\").")
    String subtitle = D.subtitle();

    @Option(names = "--size", paramLabel = "WxH", converter = SizeConverter.class, description = "Frame size, e.g. 1920x1080; the legend and text scale with it and the plot stays square (default: ${DEFAULT-VALUE}).")
    String size = D.width() + "x" + D.height();

    @Option(names = "--scale", paramLabel = "X", description = "Pixels per pixel of --size, e.g. 2 for high-DPI screens (default: ${DEFAULT-VALUE}).")
    double scale = D.scale();

    @Option(names = "--dot", paramLabel = "PX", description = "Point size in pixels of --size (default: about 2 for 10,000 points, bigger for fewer, down to 1 for very many).")
    Double dot = D.dot();

    @Option(names = "--density", paramLabel = "MODE", description = "on: draw how many points each pixel holds, brighter where more, in their classes' colours mixed, so dense cores and sparse bridges both show (--dot is then unused); off: a dot per point; auto: on from a quarter of a point per pixel of the plot, 102,400 points at 1100x800 (default: ${DEFAULT-VALUE}).")
    String density = D.density();

    @Option(names = "--camera", paramLabel = "MODE", description = "fixed: the whole run's extent on every frame; follow: eased so the current layout fills the plot (default: ${DEFAULT-VALUE}).")
    String camera = D.camera();

    @Option(names = "--pace", paramLabel = "MODE", description = "Every drawn epoch gets a frame of its own; epochs: the same number of frames for each; motion: frames added between epochs in proportion to how far the points move (default: ${DEFAULT-VALUE}).")
    String pace = D.pace();

    @Option(names = "--duration", paramLabel = "SECONDS", description = "How long the layout moves at least, before the hold: longer when the drawn epochs need more frames than that, one each (default: "
            + RenderSettings.MOTION_SECONDS + " with --pace motion; with --pace epochs, one frame per drawn epoch).")
    Double duration = D.seconds();

    @Option(names = "--every", paramLabel = "N", description = "Draw every N-th epoch (and the last), each in a frame of its own; frames between are interpolated (default: ${DEFAULT-VALUE}).")
    int every = D.every();

    @Option(names = "--metrics-inset", description = "Draw a small chart of the layout's quality (trustworthiness, neighbours kept, 10-NN accuracy) in the corner of each frame, growing with the epochs (from data/metrics.parquet).")
    boolean metricsInset = D.metricsInset();

    RenderSettings settings(Integer fps, Compute compute) {
        int[] wh = SizeConverter.parse(size);
        return new RenderSettings(title, subtitle, wh[0], wh[1], scale, dot, density, camera, pace, duration, every, fps,
                metricsInset, compute);
    }

    /** WIDTHxHEIGHT, e.g. 1920x1080: checked as it is parsed, so a typo is a usage error. */
    static final class SizeConverter implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            int[] wh = parse(value);
            return wh[0] + "x" + wh[1];
        }

        static int[] parse(String value) {
            String[] parts = value.toLowerCase(Locale.ROOT).split("x", -1);
            try {
                if (parts.length == 2) {
                    return new int[] {Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim())};
                }
            } catch (NumberFormatException e) {
                // falls through to the message below
            }
            throw new TypeConversionException("'" + value + "' is not WIDTHxHEIGHT, e.g. 1920x1080");
        }
    }
}
