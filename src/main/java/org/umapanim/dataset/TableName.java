package org.umapanim.dataset;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The name a table read from a file goes by: the file name without extensions, {@code iris.csv.gz} → {@code iris}. */
final class TableName {
    private TableName() {}

    static String of(Path file) {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        for (String ext : List.of(".gz", ".csv", ".parquet", ".pq", ".npy", ".npz", ".h5ad")) {
            if (lower.endsWith(ext) && name.length() > ext.length()) {
                name = name.substring(0, name.length() - ext.length());
                lower = lower.substring(0, lower.length() - ext.length());
            }
        }
        return name;
    }
}
