package org.umapanim.view;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A page's own source, kept as resources beside this class so they read and lint as what they
 * are: the one-run viewer ({@code viewer.html}, {@code viewer.css}, {@code viewer.js}) or the
 * side-by-side one ({@code compare.html}, the same style plus {@code compare.css}, {@code compare.js}),
 * each script preceded by the parts both share ({@code viewer-lib.js}). The HTML marks where each
 * goes with a comment, {@code <!--umap-anim:NAME-->}: the style, the data blocks and the script.
 */
final class PageTemplate {
    private static final String CSS = "viewer.css";
    private static final String LIB = "viewer-lib.js";

    private final String[] parts;
    private final String css;
    private final String js;

    private PageTemplate(String[] parts, String css, String js) {
        this.parts = parts;
        this.css = css;
        this.js = js;
    }

    /** The one-run viewer. */
    static PageTemplate load() {
        return load("viewer.html", resource(CSS), "viewer.js");
    }

    /** The side-by-side viewer of several runs. */
    static PageTemplate compare() {
        return load("compare.html", resource(CSS) + resource("compare.css"), "compare.js");
    }

    private static PageTemplate load(String htmlName, String css, String script) {
        String html = resource(htmlName);
        String[] parts = new String[4];
        int from = 0;
        String[] markers = {"style", "data", "script"};
        for (int m = 0; m < markers.length; m++) {
            String marker = "<!--umap-anim:" + markers[m] + "-->";
            int at = html.indexOf(marker, from);
            if (at < 0) {
                throw new IllegalStateException(htmlName + " lacks its marker " + marker);
            }
            parts[m] = html.substring(from, at);
            from = at + marker.length();
        }
        parts[3] = html.substring(from);
        return new PageTemplate(parts, css, resource(LIB) + resource(script));
    }

    /** Writes the page, with {@code data} writing the data blocks in their place. */
    void write(OutputStream out, DataWriter data) throws IOException {
        text(out, parts[0]);
        text(out, "<style>\n" + css + "</style>");
        text(out, parts[1]);
        data.writeTo(out);
        text(out, parts[2]);
        text(out, "<script>\n" + js + "</script>");
        text(out, parts[3]);
    }

    static void text(OutputStream out, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String resource(String name) {
        try (InputStream in = PageTemplate.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the viewer's " + name + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    interface DataWriter {
        void writeTo(OutputStream out) throws IOException;
    }
}
