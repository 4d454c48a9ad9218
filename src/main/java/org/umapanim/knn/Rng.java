package org.umapanim.knn;

/**
 * SplitMix64: tiny, fast and fully determined by its seed, so every random choice in the
 * engine is reproducible. Not thread-safe; each thread or task gets its own.
 */
public final class Rng {
    private long state;

    Rng(long seed) {
        this.state = seed;
    }

    /** A generator for stream {@code stream} of {@code seed}, independent of the others. */
    public static Rng of(long seed, long stream) {
        return new Rng(streamState(seed, stream));
    }

    /**
     * The same stream as a bare state, for a hot loop that keeps it in a local variable (the SGD
     * draws its negative samples so, about 10% faster than through an object per vertex):
     * {@code state = advance(state); int i = intBelow(state, n);} is {@code nextInt(n)}.
     */
    public static long streamState(long seed, long stream) {
        return mix(seed ^ mix(stream + 0x632BE59BD9B4E019L));
    }

    public static long advance(long state) {
        return state + 0x9E3779B97F4A7C15L;
    }

    /** Uniform in [0, bound) from an advanced state (Lemire's multiply-shift; the bias is below 2^-32 for our sizes). */
    public static int intBelow(long state, int bound) {
        return (int) (((mix(state) >>> 32) * bound) >>> 32);
    }

    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public long nextLong() {
        state = advance(state);
        return mix(state);
    }

    /** Uniform in [0, bound). */
    public int nextInt(int bound) {
        state = advance(state);
        return intBelow(state, bound);
    }

    /** Uniform in [0, 1). */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Standard normal, Box–Muller. */
    public double nextGaussian() {
        double u = 1.0 - nextDouble();
        double v = nextDouble();
        return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2.0 * Math.PI * v);
    }
}
