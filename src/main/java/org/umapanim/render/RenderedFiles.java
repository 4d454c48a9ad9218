package org.umapanim.render;

import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.umapanim.common.AtomicFiles;

/**
 * The names of what render writes, the one definition every stage uses: the movie's frames in
 * order, {@code combined-NNNNNN.png} (six digits or more, from 0 without gaps; frame N shows the
 * moment of the run the pacing gives it, see {@link Timeline}), and the README pictures.
 */
public final class RenderedFiles {
    /** The final layout at 400×400 with a colour key. */
    public static final String INTRO = "intro.png";
    /** A copy of the last frame. */
    public static final String COMBINED = "combined.png";
    /** The layout's measures against the epoch, from metrics.parquet. */
    public static final String METRICS = "metrics.png";

    /**
     * The keyword of the PNG text chunk ({@code tEXt}) in which each frame says which epoch it
     * shows: a whole number for a drawn epoch, with a fraction for a layout interpolated between
     * two ({@link #epochText}).
     */
    public static final String EPOCH_KEYWORD = "epoch";

    private static final String FRAME_PREFIX = "combined-";
    /** Up to nine digits: more frames than that is no movie, only a stray file. */
    private static final Pattern FRAME = Pattern.compile("combined-(\\d{6,9})\\.png");

    private RenderedFiles() {}

    public static String frameName(int frame) {
        return String.format("%s%06d.png", FRAME_PREFIX, frame);
    }

    public static Path frame(Path framesDir, int frame) {
        return framesDir.resolve(frameName(frame));
    }

    /** The number of the frame a file is named after, or empty when the name is not a frame's. */
    public static OptionalInt frameNumber(Path file) {
        Matcher m = FRAME.matcher(file.getFileName().toString());
        return m.matches() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
    }

    /**
     * An epoch as a frame's text chunk gives it: "12" for epoch 12, "12.5" halfway to 13; at most six
     * decimals, without trailing zeros.
     */
    public static String epochText(double epoch) {
        return java.math.BigDecimal.valueOf(epoch).setScale(6, java.math.RoundingMode.HALF_EVEN)
                .stripTrailingZeros().toPlainString();
    }

    /** Whether {@code file} is a frame's temporary file, left by an interrupted write. */
    static boolean isTemporaryFrame(Path file) {
        return file.getFileName().toString().startsWith(AtomicFiles.TEMP_PREFIX + FRAME_PREFIX);
    }
}
