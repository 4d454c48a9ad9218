package org.umapanim.pipeline;

import org.umapanim.common.SettingProblem;
import org.umapanim.umap.UmapParams;

/**
 * How the computing stages run: on how many threads, from which random seed. The seed drives the
 * embedding and the legend's choice of sample images alike.
 */
public record Compute(int threads, long seed) {
    public static final Compute DEFAULT = new Compute(UmapParams.DEFAULTS.threads(), UmapParams.DEFAULTS.seed());

    public Compute {
        if (threads < 1) {
            throw new SettingProblem("threads", "must be at least 1, got " + threads);
        }
    }
}
