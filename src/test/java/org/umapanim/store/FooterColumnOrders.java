package org.umapanim.store;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.parquet.format.ColumnOrder;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.Util;

/**
 * The column orders a Parquet footer declares, read from its Thrift bytes as they are (parquet-java's
 * own reader fills in defaults, which would hide what a stricter reader such as polars sees).
 */
final class FooterColumnOrders {
    private FooterColumnOrders() {}

    /** One entry per column: "TYPE_ORDER" or "IEEE_754_TOTAL_ORDER"; empty if the footer declares none. */
    static List<String> of(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int length = ByteBuffer.wrap(bytes, bytes.length - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        byte[] footer = Arrays.copyOfRange(bytes, bytes.length - 8 - length, bytes.length - 8);
        FileMetaData metadata = Util.readFileMetaData(new ByteArrayInputStream(footer));
        if (!metadata.isSetColumn_orders()) {
            return List.of();
        }
        return metadata.getColumn_orders().stream().map(FooterColumnOrders::name).toList();
    }

    private static String name(ColumnOrder order) {
        return order.getSetField().getFieldName();
    }
}
