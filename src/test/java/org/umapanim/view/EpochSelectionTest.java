package org.umapanim.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.umapanim.common.SettingProblem;

class EpochSelectionTest {
    @Test
    void allKeepsEveryEpochThatFits() {
        KeptEpochs kept = EpochSelection.parse("all").keep(200, 10_000);
        assertThat(kept.epochs()).hasSize(201).startsWith(0, 1, 2).endsWith(199, 200);
        assertThat(kept.note()).isEmpty();
    }

    @Test
    void seventyThousandPointsStillKeepAllTwoHundredAndOneEpochs() {
        assertThat(EpochSelection.parse("all").keep(200, 70_000).epochs()).hasSize(201);
    }

    @Test
    void beyondTheCapAllThinsEvenlyKeepingTheFirstAndLastAndSaysSo() {
        // a million points: 4 MB an epoch, so 50 epochs fit in 200 MB
        KeptEpochs kept = EpochSelection.parse("all").keep(200, 1_000_000);
        assertThat(kept.epochs()).hasSize(50).startsWith(0, 4, 8).endsWith(200);
        assertThat(kept.epochs()).isSorted().doesNotHaveDuplicates();
        assertThat(kept.note()).contains("kept 50 of 201 epochs", "804 MB", "200 MB", "--view-epochs");
    }

    @Test
    void aSmallerBudgetThinsTheSameWay() {
        KeptEpochs kept = EpochSelection.parse("all").keep(10, 100, 4 * 100 * 4);
        assertThat(kept.epochs()).containsExactly(0, 3, 7, 10);
    }

    @Test
    void listsAndRangesChooseEpochsAndTheFirstAndLastAreAlwaysKept() {
        KeptEpochs kept = EpochSelection.parse("5, 10-12,20-40/10").keep(50, 100);
        assertThat(kept.epochs()).containsExactly(0, 5, 10, 11, 12, 20, 30, 40, 50);
        assertThat(kept.note()).isEqualTo("kept 9 of 51 epochs, as --view-epochs '5, 10-12,20-40/10' chose");
    }

    @Test
    void aListNamingEveryEpochNeedsNoNote() {
        assertThat(EpochSelection.parse("0-20").keep(20, 10).note()).isEmpty();
    }

    @Test
    void badListsAreRefusedNamingTheOption() {
        for (String bad : new String[] {"", "x", "1,,2", "5-3", "0-10/0", "-3", "1-2-3"}) {
            assertThatThrownBy(() -> EpochSelection.parse(bad)).as(bad)
                    .isInstanceOf(SettingProblem.class).hasMessageStartingWith("viewEpochs has ");
        }
    }

    @Test
    void epochsBeyondTheRunAreRefused() {
        assertThatThrownBy(() -> EpochSelection.parse("0-300").keep(200, 10))
                .hasMessage("viewEpochs names epoch 300, beyond the last epoch, 200");
    }

    @Test
    void anExplicitListThatDoesNotFitIsRefusedRatherThanThinned() {
        assertThatThrownBy(() -> EpochSelection.parse("0-100").keep(200, 1_000_000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("keeps 102 epochs").hasMessageContaining("at most 200 MB, 50 epochs");
    }
}
