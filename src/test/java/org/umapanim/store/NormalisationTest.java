package org.umapanim.store;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class NormalisationTest {
    @Test
    void aspectKeptCentresTheShortAxis() {
        // 20 wide, 5 high: one scale 1/20, y centred in [0.375, 0.625]
        Normalisation n = Normalisation.fit(-10, 10, 100, 105, false);
        assertThat(n.x(-10)).isEqualTo(0f);
        assertThat(n.x(10)).isEqualTo(1f);
        assertThat(n.y(100)).isEqualTo(0.375f);
        assertThat(n.y(105)).isEqualTo(0.625f);
        assertThat(n.rawX(0.25f)).isCloseTo(-5, within(1e-9));
        assertThat(n.rawY(0.5f)).isCloseTo(102.5, within(1e-9));
    }

    @Test
    void stretchMapsEachAxisToTheUnitInterval() {
        Normalisation n = Normalisation.fit(-10, 10, 100, 105, true);
        assertThat(n.y(100)).isEqualTo(0f);
        assertThat(n.y(105)).isEqualTo(1f);
        assertThat(n.y(101)).isEqualTo(0.2f);
    }

    @Test
    void anAxisWithoutExtentSitsInTheMiddle() {
        assertThat(Normalisation.fit(3, 3, 0, 4, true).x(3)).isEqualTo(0.5f);
        assertThat(Normalisation.fit(0, 4, 7, 7, false).y(7)).isEqualTo(0.5f);
        Normalisation point = Normalisation.fit(3, 3, 7, 7, false);
        assertThat(point.x(3)).isEqualTo(0.5f);
        assertThat(point.rawX(0.5f)).isEqualTo(3);
    }
}
