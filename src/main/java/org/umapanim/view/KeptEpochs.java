package org.umapanim.view;

/**
 * The epochs a page holds, ascending, always with 0 and the last; {@code note} says what was left
 * out and why, or is empty when every epoch is kept.
 */
public record KeptEpochs(int[] epochs, String note) {
    public KeptEpochs {
        epochs = epochs.clone();
    }
}
