package org.umapanim.view;

import com.google.gson.Gson;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Base64;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * The page's data, as {@code <script>} elements the browser does not run: JSON
 * ({@code application/json}) and binary ({@code application/octet-stream}: zlib-deflated, then
 * base64), which the page inflates with the browser's own {@code DecompressionStream("deflate")}
 * (Chromium 80, Firefox 113, Safari 16.4). Binary blocks are streamed, so the positions of a large
 * run never sit in memory whole.
 */
final class DataBlocks {
    /** Gson escapes {@code <}, {@code >}, {@code &}, {@code =} and {@code '} by default: no string can end the element. */
    private static final Gson GSON = new Gson();

    private final OutputStream out;

    DataBlocks(OutputStream out) {
        this.out = out;
    }

    void json(String id, Object value) throws IOException {
        PageTemplate.text(out, "<script type=\"application/json\" id=\"" + id + "\">" + GSON.toJson(value) + "</script>\n");
    }

    void binary(String id, byte[] bytes) throws IOException {
        binary(id, deflater -> deflater.write(bytes));
    }

    /** A binary block whose bytes {@code content} writes. */
    void binary(String id, Content content) throws IOException {
        PageTemplate.text(out, "<script type=\"application/octet-stream\" id=\"" + id + "\">");
        OutputStream base64 = Base64.getEncoder().wrap(new Kept(out));
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
        try (DeflaterOutputStream deflated = new DeflaterOutputStream(base64, deflater, 1 << 16)) {
            content.writeTo(deflated);
        } finally {
            deflater.end();
        }
        PageTemplate.text(out, "</script>\n");
    }

    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Passes bytes on in blocks, and leaves the page's stream open when the base64 encoder closes. */
    private static final class Kept extends FilterOutputStream {
        Kept(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
