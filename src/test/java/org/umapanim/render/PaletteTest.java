package org.umapanim.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PaletteTest {
    @Test
    void tenClassesAreColorBrewerPaired() {
        Palette p = Palette.forClasses(10);
        int[] expected = {0xA6CEE3, 0x1F78B4, 0xB2DF8A, 0x33A02C, 0xFB9A99, 0xE31A1C,
            0xFDBF6F, 0xFF7F00, 0xCAB2D6, 0x6A3D9A};
        for (int c = 0; c < 10; c++) {
            assertThat(p.rgb(c)).as("class %d", c).isEqualTo(expected[c]);
        }
    }

    @Test
    void threeClassesAreSet1() {
        Palette p = Palette.forClasses(3);
        assertThat(new int[] {p.rgb(0), p.rgb(1), p.rgb(2)}).containsExactly(0xE41A1C, 0x377EB8, 0x4DAF4A);
    }

    @Test
    void fifteenClassesGetFifteenDistinctVisibleColours() {
        Palette p = Palette.forClasses(15);
        Set<Integer> colours = new HashSet<>();
        for (int c = 0; c < 15; c++) {
            colours.add(p.rgb(c));
            int max = Math.max(p.rgb(c) >> 16 & 255, Math.max(p.rgb(c) >> 8 & 255, p.rgb(c) & 255));
            assertThat(max).as("class %d must show on black", c).isGreaterThan(150);
        }
        assertThat(colours).hasSize(15);
        // neighbouring classes differ clearly, not by a hair of hue
        for (int c = 1; c < 15; c++) {
            assertThat(distance(p.rgb(c - 1), p.rgb(c))).isGreaterThan(60);
        }
    }

    @Test
    void unlabelledDataIsOneColour() {
        Classes classes = Classes.of(new String[] {null, null, null});
        assertThat(classes.count()).isEqualTo(1);
        assertThat(Palette.forClasses(classes.count()).size()).isEqualTo(1);
        assertThat(Palette.forClasses(1).rgb(0)).isEqualTo(0xA6CEE3);
    }

    @Test
    void refusesZeroClasses() {
        assertThatThrownBy(() -> Palette.forClasses(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void numericLabelsSortAsNumbersOthersAsText() {
        Classes numbers = Classes.of(new String[] {"10", "9", "2", "9"});
        assertThat(new String[] {numbers.name(0), numbers.name(1), numbers.name(2)}).containsExactly("2", "9", "10");
        assertThat(numbers.classOf(0)).isEqualTo(2);
        assertThat(numbers.classOf(3)).isEqualTo(1);
        Classes words = Classes.of(new String[] {"shirt", "bag", "10"});
        assertThat(new String[] {words.name(0), words.name(1), words.name(2)}).containsExactly("10", "bag", "shirt");
    }

    private static double distance(int a, int b) {
        int dr = (a >> 16 & 255) - (b >> 16 & 255);
        int dg = (a >> 8 & 255) - (b >> 8 & 255);
        int db = (a & 255) - (b & 255);
        return Math.sqrt(dr * dr + dg * dg + db * db);
    }
}
