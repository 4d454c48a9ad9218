package org.umapanim.umap;

import org.umapanim.knn.Metric;

/** {@link UmapParams} for tests and the benchmark: a copy with one knob changed. */
public final class TestParams {
    private TestParams() {}

    public static UmapParams neighbors(UmapParams p, int v) {
        return new UmapParams(v, p.minDist(), p.spread(), p.nEpochs(), p.learningRate(), p.repulsionStrength(),
                p.negativeSampleRate(), p.init(), p.pca(), p.seed(), p.threads(), p.metric());
    }

    public static UmapParams minDist(UmapParams p, double v) {
        return new UmapParams(p.nNeighbors(), v, p.spread(), p.nEpochs(), p.learningRate(), p.repulsionStrength(),
                p.negativeSampleRate(), p.init(), p.pca(), p.seed(), p.threads(), p.metric());
    }

    public static UmapParams spread(UmapParams p, double v) {
        return new UmapParams(p.nNeighbors(), p.minDist(), v, p.nEpochs(), p.learningRate(), p.repulsionStrength(),
                p.negativeSampleRate(), p.init(), p.pca(), p.seed(), p.threads(), p.metric());
    }

    public static UmapParams epochs(UmapParams p, int v) {
        return new UmapParams(p.nNeighbors(), p.minDist(), p.spread(), v, p.learningRate(), p.repulsionStrength(),
                p.negativeSampleRate(), p.init(), p.pca(), p.seed(), p.threads(), p.metric());
    }

    public static UmapParams init(UmapParams p, InitMethod v) {
        return new UmapParams(p.nNeighbors(), p.minDist(), p.spread(), p.nEpochs(), p.learningRate(),
                p.repulsionStrength(), p.negativeSampleRate(), v, p.pca(), p.seed(), p.threads(), p.metric());
    }

    public static UmapParams pca(UmapParams p, int v) {
        return new UmapParams(p.nNeighbors(), p.minDist(), p.spread(), p.nEpochs(), p.learningRate(),
                p.repulsionStrength(), p.negativeSampleRate(), p.init(), v, p.seed(), p.threads(), p.metric());
    }

    public static UmapParams seed(UmapParams p, long v) {
        return new UmapParams(p.nNeighbors(), p.minDist(), p.spread(), p.nEpochs(), p.learningRate(),
                p.repulsionStrength(), p.negativeSampleRate(), p.init(), p.pca(), v, p.threads(), p.metric());
    }

    public static UmapParams threads(UmapParams p, int v) {
        return new UmapParams(p.nNeighbors(), p.minDist(), p.spread(), p.nEpochs(), p.learningRate(),
                p.repulsionStrength(), p.negativeSampleRate(), p.init(), p.pca(), p.seed(), v, p.metric());
    }

    public static UmapParams metric(UmapParams p, Metric v) {
        return new UmapParams(p.nNeighbors(), p.minDist(), p.spread(), p.nEpochs(), p.learningRate(),
                p.repulsionStrength(), p.negativeSampleRate(), p.init(), p.pca(), p.seed(), p.threads(), v);
    }
}
