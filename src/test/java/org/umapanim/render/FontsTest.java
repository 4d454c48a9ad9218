package org.umapanim.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import org.junit.jupiter.api.Test;

class FontsTest {
    @Test
    void theBundledDejaVuSansIsUsedAndWorksHeadless() {
        assertThat(GraphicsEnvironment.isHeadless()).isTrue();
        Font font = Fonts.sans(20f);
        assertThat(font.getFontName()).isEqualTo("DejaVu Sans");
        assertThat(font.getSize2D()).isEqualTo(20f);
        assertThat(font.canDisplayUpTo("MNIST data embedded into two dimensions by UMAP … 0123456789")).isEqualTo(-1);
        assertThat(FontsTest.class.getResource("/org/umapanim/render/DejaVuSans-LICENSE.txt")).isNotNull();
    }

    @Test
    void textDejaVuCannotShowFallsBackToTheLogicalSansSerif() {
        assertThat(Fonts.sansFor("Each point", 12f).getFontName()).isEqualTo("DejaVu Sans");
        Font cjk = Fonts.sansFor("手写数字", 12f);
        assertThat(cjk.getFamily()).isEqualTo(Font.SANS_SERIF);
        assertThat(cjk.getSize2D()).isEqualTo(12f);
    }
}
