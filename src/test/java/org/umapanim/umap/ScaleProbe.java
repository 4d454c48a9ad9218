package org.umapanim.umap;

import org.umapanim.common.Progress;

/** Scratch: quality of UMAP on MNIST rows scaled by a factor. */
public final class ScaleProbe {
    public static void main(String[] a) {
        int n = Integer.parseInt(a[0]);
        MnistSample s = MnistSample.load(n);
        for (String f : a[1].split(",")) {
            float factor = Float.parseFloat(f);
            float[] x = s.values().clone();
            for (int i = 0; i < x.length; i++) x[i] = x[i] * factor + 0.5f * factor; // not pixels any more
            UmapResult r = new Umap(TestParams.threads(UmapParams.DEFAULTS, 2)).fit(x, s.n(), s.d(), (e, l) -> {}, Progress.NONE);
            System.out.printf("factor %g: trust %.4f acc %.4f%n", factor, EmbeddingQuality.trustworthiness(s.values(), s.n(), s.d(), r.layout(), 15),
                    EmbeddingQuality.knnAccuracy(r.layout(), s.labels(), 10, 5, 0));
        }
    }
}
