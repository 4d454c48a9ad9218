package org.umapanim.render;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Random;
import org.umapanim.dataset.download.KnownDataset;

/** Made-up embeddings and digit images for the render tests. */
final class FakeData {
    private FakeData() {}

    /** One frame per epoch at 30 frames per second. */
    static final Timing EVERY_EPOCH = new Timing(Pace.EPOCHS, null, 1, 30);

    /** The original's look: the MNIST title and subtitle, the legend's samples picked with seed 42. */
    static RenderOptions look(int threads) {
        return look(KnownDataset.MNIST.displayName() + " embedded into two dimensions by UMAP", KnownDataset.MNIST.subtitle(), threads);
    }

    /** The original's frames: 1100×800, the fixed camera, one frame per epoch, the automatic dot size. */
    static RenderOptions look(String title, String subtitle, int threads) {
        return new RenderOptions(title, subtitle, FrameSize.DEFAULT, null, Camera.FIXED, EVERY_EPOCH, threads, 42);
    }

    /** {@code n} labels "0".."classes-1", round robin. */
    static String[] labels(int n, int classes) {
        String[] labels = new String[n];
        for (int i = 0; i < n; i++) {
            labels[i] = Integer.toString(i % classes);
        }
        return labels;
    }

    /**
     * A layout of clusters, one per class around a circle, that tighten as the epochs go by,
     * in [0,1] like the store's normalised layouts.
     */
    static float[] layout(String[] labels, int classes, int epoch, int lastEpoch, long seed) {
        Random random = new Random(seed);
        float spread = 0.25f * (1 - (float) epoch / Math.max(1, lastEpoch)) + 0.03f;
        float[] xy = new float[2 * labels.length];
        for (int i = 0; i < labels.length; i++) {
            int c = Integer.parseInt(labels[i]);
            double angle = 2 * Math.PI * c / classes;
            double x = 0.5 + 0.35 * Math.cos(angle) + spread * random.nextGaussian();
            double y = 0.5 + 0.35 * Math.sin(angle) + spread * random.nextGaussian();
            xy[2 * i] = (float) Math.max(0, Math.min(1, x));
            xy[2 * i + 1] = (float) Math.max(0, Math.min(1, y));
        }
        return xy;
    }

    /** 28x28 "handwritten" digits: the label drawn as text, ink 0–255, one image per point. */
    static float[] digitImages(String[] labels) {
        float[][] glyphs = new float[10][];
        for (int d = 0; d < 10; d++) {
            BufferedImage img = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
            Graphics2D g = img.createGraphics();
            g.setColor(Color.BLACK);
            g.fillRect(0, 0, 28, 28);
            g.setColor(Color.WHITE);
            g.setFont(Fonts.sans(26f).deriveFont(Font.PLAIN));
            g.drawString(Integer.toString(d), 6, 24);
            g.dispose();
            glyphs[d] = new float[784];
            for (int p = 0; p < 784; p++) {
                glyphs[d][p] = img.getRaster().getSample(p % 28, p / 28, 0);
            }
        }
        float[] rows = new float[labels.length * 784];
        for (int i = 0; i < labels.length; i++) {
            System.arraycopy(glyphs[Integer.parseInt(labels[i]) % 10], 0, rows, i * 784, 784);
        }
        return rows;
    }
}
