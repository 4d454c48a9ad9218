package org.umapanim.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NumbersTest {

    /** What the parser must give: the decimal rounded to a double, then to a float. */
    private static float reference(String text) {
        return (float) Double.parseDouble(text);
    }

    /** Same bits as the reference, or refused when the reference is out of float range. */
    private static void check(String text) {
        if (Float.isInfinite(reference(text))) {
            assertThatThrownBy(() -> Numbers.parse(text, 0, text.length(), Path.of("t.csv"), 2, "x"))
                    .isInstanceOf(org.umapanim.common.FileProblem.class).hasMessageContaining("too large for a float");
            return;
        }
        assertThat(Float.floatToRawIntBits(Numbers.parse(text, 0, text.length(), Path.of("t.csv"), 2, "x"))).as(text)
                .isEqualTo(Float.floatToRawIntBits(reference(text)));
    }

    @Test
    void agreesBitForBitWithTheJdkOnManyFormats() {
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < 300_000; i++) {
            float f = Float.intBitsToFloat(r.nextInt());
            if (Float.isNaN(f) || Float.isInfinite(f)) {
                continue;
            }
            double g = r.nextGaussian() * Math.pow(10, r.nextInt(-12, 12));
            for (String text : new String[] {
                Float.toString(f), String.format(Locale.ROOT, "%.18e", (double) f), String.format(Locale.ROOT, "%.9g", g),
                String.format(Locale.ROOT, "%.6f", g), Double.toString(g), String.format(Locale.ROOT, "%.17e", g),
                Long.toString(r.nextLong(-100_000_000_000L, 100_000_000_000L)), "+" + r.nextInt(1000),
                String.format(Locale.ROOT, "%.3fE%d", g, r.nextInt(-30, 30))}) {
                check(text);
            }
        }
    }

    @Test
    void midpointsAndEdgesAgreeToo() {
        for (String text : new String[] {"16777217", "-16777217", "0", "-0", "-0.0e5", "0.000", ".5", "5.", "1e-45",
                "1.4e-45", "3.4028235e38", "3.4028236e38", "9999999999999999999", "9223372036854775807",
                "0.1000000000000000055511151231257827", "1.00000000000000000000000001", "2.5e-30", "7e22", "7e23"}) {
            check(text);
        }
    }
}
