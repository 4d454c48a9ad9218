package org.umapanim.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** DuckDB in memory: the independent reader the tests check our files with. */
final class Duck implements AutoCloseable {
    private final Connection connection;

    Duck() throws SQLException {
        connection = DriverManager.getConnection("jdbc:duckdb:");
    }

    static String quote(Path file) {
        return "'" + file.toAbsolutePath().toString().replace("'", "''") + "'";
    }

    /** All rows of a query, each as an Object[] of its columns. */
    List<Object[]> rows(String sql) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int cols = rs.getMetaData().getColumnCount();
            List<Object[]> out = new ArrayList<>();
            while (rs.next()) {
                Object[] row = new Object[cols];
                for (int c = 0; c < cols; c++) {
                    row[c] = rs.getObject(c + 1);
                }
                out.add(row);
            }
            return out;
        }
    }

    Object one(String sql) throws SQLException {
        List<Object[]> rows = rows(sql);
        if (rows.size() != 1 || rows.get(0).length != 1) {
            throw new IllegalStateException("expected one value from " + sql);
        }
        return rows.get(0)[0];
    }

    void execute(String sql) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
        }
    }

    /** The footer key–value metadata, decoded as UTF-8. */
    Map<String, String> kvMetadata(Path file) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        for (Object[] row : rows("SELECT key, value FROM parquet_kv_metadata(" + quote(file) + ")")) {
            out.put(text(row[0]), text(row[1]));
        }
        return out;
    }

    /** Column name → {type, converted_type, logical_type} from parquet_schema, leaves only. */
    Map<String, String[]> schema(Path file) throws SQLException {
        Map<String, String[]> out = new LinkedHashMap<>();
        for (Object[] row : rows("SELECT name, type, converted_type, CAST(logical_type AS VARCHAR) FROM parquet_schema("
                + quote(file) + ") WHERE num_children IS NULL OR num_children = 0")) {
            out.put((String) row[0], new String[] {(String) row[1], (String) row[2], (String) row[3]});
        }
        return out;
    }

    private static String text(Object blob) throws SQLException {
        if (blob instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        if (blob instanceof java.sql.Blob b) {
            return new String(b.getBytes(1, (int) b.length()), StandardCharsets.UTF_8);
        }
        return String.valueOf(blob);
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
