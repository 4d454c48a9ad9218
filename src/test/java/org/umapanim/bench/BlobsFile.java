package org.umapanim.bench;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.umapanim.knn.Blobs;

/**
 * Writes seeded Gaussian blobs ({@link Blobs}: centres N(0, 6²) per coordinate, unit variance
 * around them, so the blobs are well apart and each is an isotropic cloud) as a CSV or Parquet
 * table with a {@code label} column, for {@code bench/run --input}. Data for the benchmark is
 * made, not committed.
 *
 * <p>Usage: {@code BlobsFile [--rows N] [--dims D] [--blobs B] [--seed S] OUT.csv|OUT.parquet}
 * (default 200,000 rows × 50 columns in 10 blobs, seed 42). Parquet gets FLOAT columns (written
 * by DuckDB from the CSV).
 */
public final class BlobsFile {
    private static final double CENTRE_SPREAD = 6.0;

    public static void main(String[] args) throws Exception {
        int rows = 200_000;
        int dims = 50;
        int blobs = 10;
        long seed = 42;
        Path out = null;
        for (int a = 0; a < args.length; a++) {
            switch (args[a]) {
                case "--rows" -> rows = Integer.parseInt(args[++a]);
                case "--dims" -> dims = Integer.parseInt(args[++a]);
                case "--blobs" -> blobs = Integer.parseInt(args[++a]);
                case "--seed" -> seed = Long.parseLong(args[++a]);
                default -> out = Path.of(args[a]);
            }
        }
        if (out == null || !(out.toString().endsWith(".csv") || out.toString().endsWith(".parquet"))) {
            throw new IllegalArgumentException("usage: bench/blobs [--rows N] [--dims D] [--blobs B] [--seed S] "
                    + "OUT.csv|OUT.parquet");
        }
        Blobs b = Blobs.make((rows + blobs - 1) / blobs, blobs, dims, CENTRE_SPREAD, seed);
        boolean parquet = out.toString().endsWith(".parquet");
        Path csv = parquet ? Files.createTempFile("blobs", ".csv") : out;
        writeCsv(b, rows, csv);
        if (parquet) {
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
                Files.deleteIfExists(out);
                s.execute("COPY (SELECT CAST(label AS VARCHAR) AS label, COLUMNS('^x') :: FLOAT FROM read_csv('"
                        + csv + "', header = true)) TO '" + out + "' (FORMAT PARQUET)");
            }
            Files.delete(csv);
        }
        System.out.printf("%s: %,d rows × %d columns in %d blobs (seed %d)%n", out, rows, dims, blobs, seed);
    }

    private static void writeCsv(Blobs b, int rows, Path file) throws Exception {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            StringBuilder line = new StringBuilder("label");
            for (int c = 1; c <= b.d(); c++) {
                line.append(",x").append(c);
            }
            w.write(line.append('\n').toString());
            for (int i = 0; i < rows; i++) {
                line.setLength(0);
                line.append(b.labels()[i]);
                for (int c = 0; c < b.d(); c++) {
                    line.append(',').append(b.values()[i * b.d() + c]);
                }
                w.write(line.append('\n').toString());
            }
        }
    }
}
