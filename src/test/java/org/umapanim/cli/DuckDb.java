package org.umapanim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/** Reads the pipeline's Parquet files back with an independent reader, DuckDB. */
final class DuckDb {
    private DuckDb() {}

    /** The first column of the first row of {@code sql}, as text. */
    static String query(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).as(sql).isTrue();
            return rs.getString(1);
        }
    }
}
