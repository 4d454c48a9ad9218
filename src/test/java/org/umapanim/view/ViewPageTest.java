package org.umapanim.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.umapanim.common.EpochListener;
import org.umapanim.common.Progress;
import org.umapanim.dataset.Dataset;
import org.umapanim.dataset.ImageShape;
import org.umapanim.store.EpochHistory;

/** The page's bytes, read back without a browser: what it holds and how exactly. */
class ViewPageTest {
    static final String[] DIGITS = {"0", "1", "2"};
    static final double[][] SPOTS = {{0.2, 0.8}, {0.8, 0.2}, {0.5, 0.5}};

    @TempDir
    Path tmp;

    static ViewLook look(String... classes) {
        int[] colours = {0xE41A1C, 0x377EB8, 0x4DAF4A};
        return new ViewLook("Made-up digits", "Each point is <b>not</b> a digit", "epoch", List.of(classes),
                java.util.Arrays.copyOf(colours, classes.length));
    }

    /** 4x4 "images" whose pixel p of row i is (i + p) mod 256. */
    static Dataset images(String[] labels) {
        int n = labels.length;
        float[] values = new float[n * 16];
        for (int i = 0; i < values.length; i++) {
            values[i] = (i / 16 + i % 16) % 256;
        }
        List<String> columns = Stream.iterate(1, j -> j + 1).limit(16).map(j -> "pixel" + j).toList();
        return new Dataset("made-up", "", columns, values, "digit", labels, Optional.of(new ImageShape(4, 4)));
    }

    @Test
    void positionsComeBackWithinHalfAStepOf16BitsAndOnlyTheKeptEpochsAreThere() throws Exception {
        MemoryHistory history = new MemoryHistory(DIGITS, SPOTS, 300, 30, 7);
        Path html = tmp.resolve("umap.html");
        ViewSummary summary = ViewPage.write(html, history, images(history.labels()), look(DIGITS),
                EpochSelection.parse("0-10,20-30/5"), Metrics.NONE, Progress.NONE);
        assertThat(summary.kept().epochs()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 20, 25, 30);
        assertThat(summary.bytes()).isEqualTo(Files.size(html));

        String page = Files.readString(html);
        JsonObject meta = JsonParser.parseString(block(page, "umap-meta")).getAsJsonObject();
        assertThat(meta.get("points").getAsInt()).isEqualTo(300);
        assertThat(meta.get("lastEpoch").getAsInt()).isEqualTo(30);
        assertThat(meta.getAsJsonArray("epochs")).hasSize(14);

        byte[] planes = inflate(block(page, "umap-positions"));
        int n = 300;
        assertThat(planes).hasSize(14 * 4 * n);
        int[] q = new int[2 * n];
        double worst = 0;
        int[] kept = summary.kept().epochs();
        for (int k = 0; k < kept.length; k++) {
            float[] xy = history.layout(kept[k]);
            for (int i = 0; i < 2 * n; i++) {
                int at = k * 4 * n + (i / 2) + (i % 2 == 0 ? 0 : n);
                int zigzag = (planes[at] & 0xFF) | (planes[at + 2 * n] & 0xFF) << 8;
                q[i] = (q[i] + ((zigzag >>> 1) ^ -(zigzag & 1))) & 0xFFFF;
                worst = Math.max(worst, Math.abs(q[i] / 65535.0 - xy[i]));
            }
        }
        assertThat(worst).isLessThanOrEqualTo(0.5 / 65535 + 1e-9).isGreaterThan(0);
    }

    @Test
    void itemsAndClassesAreThereRowForRow() throws Exception {
        MemoryHistory history = new MemoryHistory(DIGITS, SPOTS, 50, 3, 1);
        Path html = tmp.resolve("umap.html");
        ViewPage.write(html, history, images(history.labels()), look(DIGITS), EpochSelection.parse("all"),
                Metrics.NONE, Progress.NONE);
        String page = Files.readString(html);
        byte[] pixels = inflate(block(page, "umap-items"));
        assertThat(pixels).hasSize(50 * 16);
        assertThat(pixels[17 * 16 + 5] & 0xFF).isEqualTo(22);
        byte[] classes = inflate(block(page, "umap-classes"));
        assertThat(classes).hasSize(50);
        assertThat(classes[4]).isEqualTo((byte) 1);   // point 4 is of class 4 mod 3
    }

    @Test
    void thePageIsSelfContainedAndUserTextCannotBreakOutOfItsBlock() throws Exception {
        MemoryHistory history = new MemoryHistory(DIGITS, SPOTS, 20, 2, 1);
        Path html = tmp.resolve("umap.html");
        ViewLook look = new ViewLook("</script><script>alert(1)</script>", "", "epoch", List.of(DIGITS), new int[] {1, 2, 3});
        ViewPage.write(html, history, images(history.labels()), look, EpochSelection.parse("all"), Metrics.NONE,
                Progress.NONE);
        String page = Files.readString(html);
        assertThat(page).doesNotContain("http://", "https://", "<link", " src=", "alert(1)</script>");
        assertThat(page.split("</script>", -1)).hasSize(1 + 5);   // meta, classes, items, positions, the viewer
        JsonObject meta = JsonParser.parseString(block(page, "umap-meta")).getAsJsonObject();
        assertThat(meta.get("title").getAsString()).isEqualTo("</script><script>alert(1)</script>");
    }

    @Test
    void aRunThatFailsHalfWayLeavesNoFileBehind() throws Exception {
        MemoryHistory whole = new MemoryHistory(DIGITS, SPOTS, 20, 5, 1);
        EpochHistory broken = new EpochHistory() {
            public int points() { return whole.points(); }
            public int lastEpoch() { return whole.lastEpoch(); }
            public String[] labels() { return whole.labels(); }
            public void forEachEpoch(EpochListener listener) {
                whole.forEachEpoch((epoch, xy) -> {
                    if (epoch == 3) {
                        throw new IllegalStateException("disk gone");
                    }
                    listener.onEpoch(epoch, xy);
                });
            }
        };
        Path html = tmp.resolve("umap.html");
        assertThatThrownBy(() -> ViewPage.write(html, broken, images(whole.labels()), look(DIGITS),
                EpochSelection.parse("all"), Metrics.NONE, Progress.NONE)).hasMessage("disk gone");
        try (Stream<Path> files = Files.list(tmp)) {
            assertThat(files).isEmpty();
        }
    }

    static String block(String page, String id) {
        Matcher m = Pattern.compile("<script type=\"application/[a-z-]+\" id=\"" + id + "\">(.*?)</script>",
                Pattern.DOTALL).matcher(page);
        assertThat(m.find()).as("block %s", id).isTrue();
        return m.group(1);
    }

    static byte[] inflate(String base64) throws Exception {
        Inflater inflater = new Inflater();
        inflater.setInput(Base64.getDecoder().decode(base64.getBytes(StandardCharsets.US_ASCII)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        while (!inflater.finished()) {
            int got = inflater.inflate(buffer);
            if (got == 0 && inflater.needsInput()) {
                throw new AssertionError("truncated deflate stream");
            }
            out.write(buffer, 0, got);
        }
        inflater.end();
        return out.toByteArray();
    }
}
