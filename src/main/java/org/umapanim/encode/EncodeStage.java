package org.umapanim.encode;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.umapanim.common.FileProblem;
import org.umapanim.common.Progress;

/** The {@code encode} stage: a directory of numbered PNG frames into one MP4. */
public final class EncodeStage {
    private EncodeStage() {}

    /**
     * Encodes {@code framesDir/combined-000000.png …} into {@code movie}. The frames must be a
     * gap-free sequence of one size; a bad one is a {@link FileProblem} naming it, and leaves any
     * existing movie untouched.
     */
    public static EncodeSummary encodeDirectory(Path framesDir, Path movie, EncodeOptions o, Progress progress) {
        FrameSequence frames = FrameSequence.scan(framesDir);
        try (MovieEncoder encoder = MovieEncoder.open(movie, frames.width(), frames.height(), o);
             Progress.Task task = progress.start("encoding", frames.files().size())) {
            for (Path file : frames.files()) {
                encoder.add(readPng(file));
                task.step();
            }
            return encoder.finish();
        }
    }

    private static BufferedImage readPng(Path file) {
        try {
            BufferedImage image = ImageIO.read(file.toFile());
            if (image == null) {
                throw new FileProblem(file, "not a PNG image");
            }
            return image;
        } catch (IOException e) {
            throw new FileProblem(file, "unreadable PNG: " + e.getMessage(), e);
        }
    }
}
