package org.umapanim.encode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.umapanim.common.FileProblem;
import org.umapanim.render.RenderedFiles;

/**
 * The numbered frames {@code combined-000000.png, combined-000001.png, …} of a directory, checked
 * before encoding starts: gap-free from 0, every file a readable PNG header, all of one size.
 * Checking headers first means a bad frame 190 fails in milliseconds, not after 189 encoded frames.
 */
record FrameSequence(List<Path> files, int width, int height) {

    static FrameSequence scan(Path dir) {
        TreeMap<Integer, Path> numbered = new TreeMap<>();
        try (Stream<Path> entries = Files.list(dir)) {
            for (Iterator<Path> it = entries.iterator(); it.hasNext(); ) {
                Path p = it.next();
                OptionalInt number = RenderedFiles.frameNumber(p);
                if (number.isPresent()) {
                    // combined-7.png style names don't match; combined-0000007.png would, so
                    // two spellings of one number are a conflict worth naming.
                    Path previous = numbered.put(number.getAsInt(), p);
                    if (previous != null) {
                        throw new FileProblem(p, "duplicate frame number (also " + previous.getFileName() + ")");
                    }
                }
            }
        } catch (NoSuchFileException e) {
            throw new FileProblem(dir, "no such directory");
        } catch (NotDirectoryException e) {
            throw new FileProblem(dir, "not a directory");
        } catch (IOException e) {
            throw new FileProblem(dir, "cannot list the frames: " + FileProblem.reason(e), e);
        }
        if (numbered.isEmpty()) {
            throw new FileProblem(dir, "no frames (expected " + RenderedFiles.frameName(0) + ", " + RenderedFiles.frameName(1) + ", …)");
        }
        int expected = 0;
        for (int n : numbered.keySet()) {
            if (n != expected) {
                throw new FileProblem(dir.resolve(RenderedFiles.frameName(expected)), "frame missing: the frames must be numbered "
                        + "from 0 without gaps, and the next one found is " + numbered.get(n).getFileName());
            }
            expected++;
        }
        List<Path> files = List.copyOf(numbered.values());
        int[] size = pngSize(files.get(0));
        for (Path f : files.subList(1, files.size())) {
            int[] s = pngSize(f);
            if (s[0] != size[0] || s[1] != size[1]) {
                throw new FileProblem(f, "frame is " + s[0] + "x" + s[1] + " but " + files.get(0).getFileName()
                        + " is " + size[0] + "x" + size[1] + "; all frames must be the same size");
            }
        }
        return new FrameSequence(files, size[0], size[1]);
    }

    /** What every PNG starts with: the signature, then the IHDR chunk's length (13) and type. */
    private static final byte[] PNG_START = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13,
        'I', 'H', 'D', 'R'};

    /**
     * Width and height from the PNG header (the IHDR chunk that must come first), without decoding
     * the pixels, and without ImageIO: checking 240 frames took 0.26 s of CPU with its readers in a
     * fresh JVM, 0.02 s this way.
     */
    private static int[] pngSize(Path file) {
        byte[] head = new byte[PNG_START.length + 8];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new FileProblem(file, "unreadable PNG: " + e.getMessage(), e);
        }
        if (read == 0) {
            throw new FileProblem(file, "empty file, not a PNG image");
        }
        if (read < head.length || !Arrays.equals(head, 0, PNG_START.length, PNG_START, 0, PNG_START.length)) {
            throw new FileProblem(file, "not a PNG image");
        }
        ByteBuffer size = ByteBuffer.wrap(head, PNG_START.length, 8);
        return new int[] {size.getInt(), size.getInt()};
    }
}
