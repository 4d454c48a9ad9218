package org.umapanim.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class DotsTest {
    @Test
    void theOriginals10000PointsGetItsTwoPixelDotsFewerGetBiggerAndVeryManyOnePixel() {
        assertThat(Dots.size(10_000, 640)).isCloseTo(2, offset(0.05));
        assertThat(Dots.size(150, 640)).as("iris: capped, not specks").isEqualTo(8);
        assertThat(Dots.size(1_000, 640)).isBetween(6.0, 7.0);
        assertThat(Dots.size(70_000, 640)).as("full MNIST").isEqualTo(1);
        assertThat(Dots.size(10_000, 1280)).as("twice the pixels, twice the dot").isCloseTo(4, offset(0.1));
    }
}
