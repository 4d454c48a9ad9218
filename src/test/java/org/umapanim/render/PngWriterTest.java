package org.umapanim.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PngWriterTest {
    @TempDir
    Path dir;

    @Test
    void anyReaderGetsBackExactlyThePixelsWritten() throws Exception {
        BufferedImage img = new BufferedImage(301, 77, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(5);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                img.setRGB(x, y, random.nextInt(4) == 0 ? random.nextInt() : 0);
            }
        }
        Path file = dir.resolve("x.png");
        PngWriter.write(img, file);
        BufferedImage back = ImageIO.read(file.toFile());
        assertThat(back.getWidth()).isEqualTo(301);
        assertThat(back.getHeight()).isEqualTo(77);
        assertThat(Pixels.sameRegion(img, back, 0, 0, 301, 77)).isTrue();
    }

    @Test
    void otherImageTypesAreConverted() throws Exception {
        BufferedImage bgr = new BufferedImage(10, 10, BufferedImage.TYPE_3BYTE_BGR);
        bgr.setRGB(3, 4, 0x123456);
        Path file = dir.resolve("g.png");
        PngWriter.write(bgr, file);
        BufferedImage back = ImageIO.read(file.toFile());
        assertThat(Pixels.rgb(back, 3, 4)).isEqualTo(0x123456);
        assertThat(Pixels.rgb(back, 0, 0)).isZero();
    }

    @Test
    void textChunksAreReadBackByImageIo() throws Exception {
        BufferedImage img = new BufferedImage(20, 10, BufferedImage.TYPE_INT_RGB);
        img.setRGB(3, 4, 0xABCDEF);
        Path file = dir.resolve("t.png");
        java.util.Map<String, String> text = new java.util.LinkedHashMap<>();
        text.put("epoch", "12.5");
        text.put("Comment", "caf\u00e9");
        PngWriter.write(img, file, text);
        assertThat(PngText.of(file)).containsExactlyEntriesOf(text);
        assertThat(Pixels.rgb(ImageIO.read(file.toFile()), 3, 4)).isEqualTo(0xABCDEF);
        assertThat(PngWriter.isWhole(file, 20, 10, text)).isTrue();
        assertThat(PngWriter.isWhole(file, 20, 10, java.util.Map.of("epoch", "12"))).isFalse();
        assertThat(PngWriter.isWhole(file, 20, 10, java.util.Map.of())).isFalse();
        assertThat(PngWriter.isWhole(file, 21, 10, text)).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> PngWriter.write(img, dir.resolve("bad.png"), java.util.Map.of("", "x")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
