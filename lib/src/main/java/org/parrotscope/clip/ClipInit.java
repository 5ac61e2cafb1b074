package org.parrotscope.clip;

import java.util.SplittableRandom;

/**
 * OpenCLIP's initialisation of a new CLIP (for training from scratch): the text tower's explicit
 * normal inits ({@code TextTransformer.init_parameters}), the image tower's scaled normal
 * embeddings and PyTorch's module defaults elsewhere ({@code nn.Linear} and {@code nn.Conv2d}:
 * uniform(+-1/sqrt(fan_in)); {@code nn.MultiheadAttention}: Xavier-uniform {@code in_proj_weight},
 * zero biases; LayerNorm: ones and zeros), and {@code logit_scale = ln(1/0.07)}. Each tensor draws
 * from its own generator seeded by (seed, name), so values do not depend on the order of creation.
 */
final class ClipInit {

    private final ClipConfig config;
    private final long seed;

    ClipInit(ClipConfig config, long seed) {
        this.config = config;
        this.seed = seed;
    }

    /**
     * @param name an OpenCLIP tensor name
     * @param shape its shape
     * @return fresh values
     */
    float[] values(String name, long[] shape) {
        int n = Math.toIntExact(ClipShapes.numel(shape));
        SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + name.hashCode());
        boolean visual = name.startsWith("visual.");
        int width = visual ? config.vision().width() : config.text().width();
        int layers = visual ? config.vision().layers() : config.text().layers();
        if (name.equals("logit_scale")) {
            return new float[] {(float) Math.log(1 / 0.07)};
        }
        if (name.endsWith(".ln_1.weight")
                || name.endsWith(".ln_2.weight")
                || name.matches(".*ln_(pre|post|final)\\.weight")) {
            return constant(n, 1f);
        }
        if (name.contains(".ln_")
                || name.startsWith("ln_final")
                || name.endsWith("attn.in_proj_bias")
                || name.endsWith("attn.out_proj.bias")) {
            return constant(n, 0f);
        }
        if (visual) {
            double scale = Math.pow(width, -0.5);
            if (name.equals("visual.class_embedding")
                    || name.equals("visual.positional_embedding")
                    || name.equals("visual.proj")) {
                return normal(rng, n, scale);
            }
            if (name.endsWith("attn.in_proj_weight")) {
                return uniform(rng, n, Math.sqrt(6.0 / (shape[0] + shape[1]))); // Xavier uniform
            }
            // conv1, out_proj, c_fc, c_proj: PyTorch's kaiming_uniform(a=sqrt 5) = U(+-1/sqrt(fan_in))
            return uniform(rng, n, 1 / Math.sqrt(fanIn(name, shape)));
        }
        double projStd = Math.pow(width, -0.5) * Math.pow(2.0 * layers, -0.5);
        if (name.equals("token_embedding.weight")) {
            return normal(rng, n, 0.02);
        }
        if (name.equals("positional_embedding")) {
            return normal(rng, n, 0.01);
        }
        if (name.equals("text_projection") || name.endsWith("attn.in_proj_weight")) {
            return normal(rng, n, Math.pow(width, -0.5));
        }
        if (name.endsWith("attn.out_proj.weight") || name.endsWith("mlp.c_proj.weight")) {
            return normal(rng, n, projStd);
        }
        if (name.endsWith("mlp.c_fc.weight")) {
            return normal(rng, n, Math.pow(2.0 * width, -0.5));
        }
        // c_fc.bias, c_proj.bias keep nn.Linear's default
        return uniform(rng, n, 1 / Math.sqrt(fanIn(name, shape)));
    }

    /** The fan-in of a weight, or of the weight a bias belongs to. */
    private long fanIn(String name, long[] shape) {
        if (name.endsWith(".bias")) {
            if (name.endsWith("mlp.c_proj.bias")) {
                return name.startsWith("visual.")
                        ? config.vision().mlpWidth()
                        : config.text().mlpWidth();
            }
            return name.startsWith("visual.")
                    ? config.vision().width()
                    : config.text().width();
        }
        return ClipShapes.numel(shape) / shape[0];
    }

    private static float[] constant(int n, float v) {
        float[] a = new float[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    private static float[] normal(SplittableRandom rng, int n, double std) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) (rng.nextGaussian() * std);
        }
        return a;
    }

    private static float[] uniform(SplittableRandom rng, int n, double bound) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) ((rng.nextDouble() * 2 - 1) * bound);
        }
        return a;
    }
}
