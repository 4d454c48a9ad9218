package org.umapanim.dataset;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.umapanim.common.FileProblem;
import org.umapanim.common.LibraryLogs;

/**
 * Opening a local Parquet file, the one way every reader here does it (a user's table, our own
 * digits and epochs files): "missing", "not Parquet", "truncated" and "corrupt footer" become
 * one-line {@link FileProblem}s, and page checksums are verified, so a damaged page is reported
 * rather than decoded into nonsense. Values are then read column by column with
 * {@link ParquetColumnCursor}.
 */
public final class ParquetFiles {
    private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);

    private ParquetFiles() {}

    public static ParquetFileReader open(Path file) {
        LibraryLogs.quietByDefault();
        if (!Files.exists(file)) {
            throw new FileProblem(file, "does not exist");
        }
        if (!Files.isRegularFile(file)) {
            throw new FileProblem(file, "is not a regular file");
        }
        checkMagic(file);
        try {
            ParquetReadOptions options = ParquetReadOptions.builder(new PlainParquetConfiguration())
                    .usePageChecksumVerification(true)
                    .build();
            return ParquetFileReader.open(new LocalInputFile(file), options);
        } catch (IOException | RuntimeException e) {
            throw new FileProblem(file, "corrupt Parquet footer (" + detail(e) + ")", e);
        }
    }

    /** The footer's key–value metadata of {@code file}. */
    public static java.util.Map<String, String> keyValueMetadata(Path file) {
        try (ParquetFileReader reader = open(file)) {
            return java.util.Map.copyOf(reader.getFooter().getFileMetaData().getKeyValueMetaData());
        } catch (IOException e) {
            throw new FileProblem(file, "cannot read: " + FileProblem.reason(e), e);
        }
    }

    /** Parquet files start and end with "PAR1"; a file cut short (by a kill, a full disk) has no end. */
    private static void checkMagic(Path file) {
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            long size = channel.size();
            ByteBuffer head = ByteBuffer.allocate(4);
            ByteBuffer tail = ByteBuffer.allocate(4);
            while (head.hasRemaining() && channel.read(head) >= 0) {
                // read the first four bytes, or as many as there are
            }
            if (head.hasRemaining() || !Arrays.equals(head.array(), MAGIC)) {
                throw new FileProblem(file, size == 0 ? "is empty, not a Parquet file" : "not a Parquet file");
            }
            channel.position(Math.max(4, size - 4));
            while (tail.hasRemaining() && channel.read(tail) >= 0) {
                // read the last four bytes
            }
            if (size < 12 || tail.hasRemaining() || !Arrays.equals(tail.array(), MAGIC)) {
                throw new FileProblem(file, "truncated Parquet file (it has no footer)");
            }
            // The footer's length sits just before the closing magic; a damaged one would make the
            // library ask for gigabytes ("footer is too large: 3978857703to be read").
            ByteBuffer length = ByteBuffer.allocate(4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            channel.position(size - 8);
            while (length.hasRemaining() && channel.read(length) >= 0) {
                // the four bytes of the footer's length
            }
            long footer = Integer.toUnsignedLong(length.getInt(0));
            if (footer > size - 12) {
                throw new FileProblem(file, "corrupt Parquet footer (it claims " + footer + " bytes, the file has "
                        + size + ")");
            }
        } catch (IOException e) {
            throw new FileProblem(file, "cannot read: " + FileProblem.reason(e), e);
        }
    }

    /** The gist of a library's exception for a one-line message: its first line, cut short. */
    public static String detail(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        // parquet-java names the file by its object ("LocalInputFile@10e92f8f"); the line names it already
        message = message.replaceAll("org\\.apache\\.parquet\\.io\\.LocalInputFile@\\p{XDigit}+ ", "");
        int newline = message.indexOf('\n');
        message = newline < 0 ? message : message.substring(0, newline);
        return message.length() <= 100 ? message : message.substring(0, 100) + "…";
    }
}
