package org.umapanim.view;

import java.util.BitSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.umapanim.common.SettingProblem;

/**
 * Which epochs go into the page ({@code --view-epochs}): {@code all}, or a comma-separated list of
 * epochs and ranges, {@code A-B} or every S-th with {@code A-B/S} (e.g. {@code 0-50,60-200/10}).
 * Epoch 0 and the last are always kept, so the slider spans the whole run.
 *
 * <p>Every point is always kept; the epochs are what gives. The page holds the positions of every
 * kept epoch in the browser's memory at 4 bytes a point (16 bits per axis), and at most
 * {@link #MAX_POSITION_BYTES} of them: {@code all} thins the epochs evenly to fit (Fashion-MNIST's
 * 70,000 points keep all 201 epochs, 56 MB; a million points keep 50), and an explicit list that
 * does not fit is refused.
 */
public final class EpochSelection {
    /** The setting these values come from ({@code --view-epochs}). */
    private static final String SETTING = "viewEpochs";
    public static final String ALL = "all";
    /** 200 MB of positions: 50 million point-epochs, a page of roughly 200 MB or less. */
    public static final long MAX_POSITION_BYTES = 200_000_000L;
    static final int BYTES_PER_POINT = 4;

    private static final Pattern ITEM = Pattern.compile("(\\d{1,9})(?:-(\\d{1,9})(?:/(\\d{1,9}))?)?");

    private final String spec;
    /** The epochs named, or null for {@code all}. */
    private final BitSet named;

    private EpochSelection(String spec, BitSet named) {
        this.spec = spec;
        this.named = named;
    }

    /** Parses a {@code --view-epochs} value; a {@link SettingProblem} says what is wrong with it. */
    public static EpochSelection parse(String spec) {
        String s = spec == null ? "" : spec.strip();
        if (s.equalsIgnoreCase(ALL)) {
            return new EpochSelection(ALL, null);
        }
        BitSet named = new BitSet();
        for (String item : s.split(",", -1)) {
            Matcher m = ITEM.matcher(item.strip());
            if (!m.matches()) {
                throw new SettingProblem(SETTING, "has '" + item.strip() + "' in '" + s
                        + "', which is not an epoch, a range A-B or A-B/STEP (or give 'all')");
            }
            int from = Integer.parseInt(m.group(1));
            int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
            int step = m.group(3) == null ? 1 : Integer.parseInt(m.group(3));
            if (to < from || step < 1) {
                throw new SettingProblem(SETTING, "has '" + item.strip() + "', an empty range");
            }
            for (long e = from; e <= to; e += step) {
                named.set((int) e);
            }
        }
        return new EpochSelection(s, named);
    }

    /** The value as given, for records of what a page was made from. */
    public String spec() {
        return spec;
    }

    /** Fails (naming the setting) when the selection names an epoch beyond {@code lastEpoch}. */
    public void requireWithin(int lastEpoch) {
        if (named != null && named.length() - 1 > lastEpoch) {
            throw new SettingProblem(SETTING, "names epoch " + (named.length() - 1) + ", beyond the last epoch, "
                    + lastEpoch);
        }
    }

    /** The epochs to keep of a run of epochs 0 … {@code lastEpoch} with {@code points} points. */
    public KeptEpochs keep(int lastEpoch, int points) {
        return keep(lastEpoch, points, MAX_POSITION_BYTES);
    }

    KeptEpochs keep(int lastEpoch, int points, long maxBytes) {
        long perEpoch = (long) points * BYTES_PER_POINT;
        long fit = maxBytes / Math.max(1, perEpoch);
        int recorded = lastEpoch + 1;
        if (fit < Math.min(2, recorded)) {
            throw new IllegalArgumentException(String.format("%,d points are too many for the viewer: two epochs"
                    + " take %s, more than its %s", points, megabytes(2 * perEpoch), megabytes(maxBytes)));
        }
        if (named == null) {
            return recorded <= fit ? new KeptEpochs(range(recorded), "") : thinned(lastEpoch, (int) fit, points, maxBytes);
        }
        requireWithin(lastEpoch);
        BitSet chosen = (BitSet) named.clone();
        chosen.set(0);
        chosen.set(lastEpoch);
        int count = chosen.cardinality();
        if (count > fit) {
            throw new SettingProblem(SETTING, String.format("'%s' keeps %d epochs of %,d points,"
                    + " %s; the viewer holds at most %s, %d epochs", spec, count, points,
                    megabytes(count * perEpoch), megabytes(maxBytes), fit));
        }
        int[] epochs = chosen.stream().toArray();
        String note = count == recorded ? "" : String.format("kept %d of %d epochs, as --view-epochs '%s' chose",
                count, recorded, spec);
        return new KeptEpochs(epochs, note);
    }

    /** {@code count} epochs spread evenly from 0 to the last. */
    private static KeptEpochs thinned(int lastEpoch, int count, int points, long maxBytes) {
        int[] epochs = new int[count];
        for (int k = 0; k < count; k++) {
            epochs[k] = (int) Math.round((double) k * lastEpoch / (count - 1));
        }
        long perEpoch = (long) points * BYTES_PER_POINT;
        String note = String.format("kept %d of %d epochs, evenly spaced with 0 and %d: all of them for %,d points"
                + " would take %s, over the viewer's %s (choose others with --view-epochs)", count, lastEpoch + 1,
                lastEpoch, points, megabytes((lastEpoch + 1) * perEpoch), megabytes(maxBytes));
        return new KeptEpochs(epochs, note);
    }

    private static int[] range(int n) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        return all;
    }

    private static String megabytes(long bytes) {
        return String.format("%,.0f MB", bytes / 1e6);
    }
}
