package org.umapanim.view;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.umapanim.dataset.Dataset;
import org.umapanim.dataset.ImageShape;

/**
 * What hovering a point shows of its row: image rows as their pixels (one byte each, drawn in the
 * class colour with opacity ink/255 as in the movie's legend), table rows as their values (float32,
 * little-endian, the byte order of every browser's typed arrays) for at most
 * {@link #MAX_COLUMNS} columns — a card taller than that is no longer read.
 */
final class PageItems {
    static final int MAX_COLUMNS = 32;

    private PageItems() {}

    /** How the page reads the item bytes. */
    record Shape(String kind, Integer height, Integer width, List<String> columns, Integer columnsTotal) {}

    static Shape shape(Dataset rows) {
        if (rows.image().isPresent()) {
            ImageShape image = rows.image().get();
            return new Shape("image", image.height(), image.width(), null, null);
        }
        List<String> columns = rows.columns().subList(0, Math.min(MAX_COLUMNS, rows.cols()));
        return new Shape("table", null, null, columns, rows.cols());
    }

    static byte[] bytes(Dataset rows) {
        float[] values = rows.values();
        int n = rows.rows();
        int d = rows.cols();
        if (rows.image().isPresent()) {
            byte[] pixels = new byte[values.length];
            for (int i = 0; i < values.length; i++) {
                pixels[i] = (byte) Math.round(Math.max(0, Math.min(255, values[i])));
            }
            return pixels;
        }
        int kept = Math.min(MAX_COLUMNS, d);
        ByteBuffer table = ByteBuffer.allocate(n * kept * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < kept; j++) {
                table.putFloat(values[i * d + j]);
            }
        }
        return table.array();
    }
}
