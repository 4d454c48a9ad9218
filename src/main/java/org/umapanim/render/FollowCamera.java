package org.umapanim.render;

/**
 * The follow camera: a square view for every frame that contains all of the frame's points and,
 * once the layout settles, is the layout's bounding square plus a margin of {@link #MARGIN} on
 * each side. The bundled run's final layout fills 91 % of the plot's width this way (the fixed
 * camera: 72 %, because the early epochs spread wider).
 *
 * <p>The view is eased. Its centre is a moving average over a quarter of a second. Its size never
 * changes by more than {@link #MAX_ZOOM_STEP} from one frame to the next: the size each frame needs
 * is raised ahead of every growth (so the camera widens before the layout gets there rather than
 * jumping after it) and after every shrinking, smoothed by the same moving average, kept at or above
 * the need and rate-limited once more.
 */
final class FollowCamera {
    /** Room around the layout on each side, as a fraction of its extent. */
    static final double MARGIN = 0.04;
    /** The largest change of scale between two frames: 2 %, i.e. at most 1.8× a second at 30 fps. */
    static final double MAX_ZOOM_STEP = 0.02;
    /** How long the camera takes to ease in or out of a move. */
    static final double EASE_SECONDS = 0.25;
    /** A layout collapsed to a point still gets a view of some size. */
    static final double MIN_SIDE = 0.02;

    private FollowCamera() {}

    /**
     * @param keys  the drawn epochs
     * @param boxes the bounding box (min x, min y, max x, max y) of each drawn epoch's layout
     */
    static View[] views(Timeline timeline, int[] keys, double[][] boxes, int fps) {
        return views(timeline, keys, boxes, fps, MAX_ZOOM_STEP, MIN_SIDE);
    }

    /**
     * @param maxZoomStep the largest change of scale between two frames
     * @param minSide     the smallest view
     */
    static View[] views(Timeline timeline, int[] keys, double[][] boxes, int fps, double maxZoomStep, double minSide) {
        int n = timeline.frames();
        double[][] box = new double[n][];
        double[] cx = new double[n];
        double[] cy = new double[n];
        for (int f = 0; f < n; f++) {
            box[f] = boxAt(timeline.epoch(f), keys, boxes);
            cx[f] = (box[f][0] + box[f][2]) / 2;
            cy[f] = (box[f][1] + box[f][3]) / 2;
        }
        int ease = Math.max(1, (int) Math.round(EASE_SECONDS * fps));
        cx = movingAverage(cx, ease);
        cy = movingAverage(cy, ease);

        // log of the half side each frame needs around its (eased) centre
        double[] need = new double[n];
        for (int f = 0; f < n; f++) {
            double[] b = box[f];
            double half = Math.max(Math.max(cx[f] - b[0], b[2] - cx[f]), Math.max(cy[f] - b[1], b[3] - cy[f]));
            need[f] = Math.log(Math.max(minSide / 2, half * (1 + 2 * MARGIN)));
        }
        // rate-limited, eased, kept at or above the need, and rate-limited again (easing can only
        // dip below the need next to a sharp change, where the last step puts the rate back)
        double rate = Math.log1p(maxZoomStep);
        double[] size = movingAverage(limitRate(need, rate), ease);
        for (int f = 0; f < n; f++) {
            size[f] = Math.max(size[f], need[f]);
        }
        size = limitRate(size, rate);

        View[] views = new View[n];
        for (int f = 0; f < n; f++) {
            views[f] = View.centred(cx[f], cy[f], 2 * Math.exp(size[f]));
        }
        return views;
    }

    /** The box of the layout at a fractional epoch: between the drawn epochs' boxes, like the points. */
    private static double[] boxAt(double epoch, int[] keys, double[][] boxes) {
        int i = 0;
        while (i < keys.length - 1 && keys[i + 1] < epoch) {
            i++;
        }
        if (i == keys.length - 1) {
            return boxes[i];
        }
        double a = (epoch - keys[i]) / (keys[i + 1] - keys[i]);
        double[] b = new double[4];
        for (int c = 0; c < 4; c++) {
            b[c] = (1 - a) * boxes[i][c] + a * boxes[i + 1][c];
        }
        return b;
    }

    /**
     * The smallest sequence at or above {@code v} that changes by at most {@code rate} per step:
     * raised ahead of every peak (so the view widens before the layout needs it) and after it.
     * Rate-limited both ways, as it is, it stays so under any later raising by this same function.
     */
    static double[] limitRate(double[] v, double rate) {
        double[] out = v.clone();
        for (int i = 1; i < out.length; i++) {
            out[i] = Math.max(out[i], out[i - 1] - rate);
        }
        for (int i = out.length - 2; i >= 0; i--) {
            out[i] = Math.max(out[i], out[i + 1] - rate);
        }
        return out;
    }

    /** The mean over {@code h} steps either side, the ends repeated beyond the sequence. */
    static double[] movingAverage(double[] v, int h) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            double sum = 0;
            for (int j = i - h; j <= i + h; j++) {
                sum += v[Math.max(0, Math.min(v.length - 1, j))];
            }
            out[i] = sum / (2 * h + 1);
        }
        return out;
    }
}
