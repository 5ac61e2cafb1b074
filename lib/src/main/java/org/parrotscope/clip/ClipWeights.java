package org.parrotscope.clip;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A CLIP weights file checked against a configuration before anything is loaded. Two naming
 * schemes are accepted, detected from the names: OpenCLIP's {@code state_dict} names (as written by
 * {@link ClipModel#save}) and Hugging Face {@code CLIPModel} names, mapped as follows (i = layer):
 *
 * <table>
 * <caption>Hugging Face to OpenCLIP tensor names</caption>
 * <tr><th>Hugging Face {@code CLIPModel}</th><th>OpenCLIP</th></tr>
 * <tr><td>{@code vision_model.embeddings.patch_embedding.weight}</td><td>{@code visual.conv1.weight}</td></tr>
 * <tr><td>{@code vision_model.embeddings.class_embedding}</td><td>{@code visual.class_embedding}</td></tr>
 * <tr><td>{@code vision_model.embeddings.position_embedding.weight}</td><td>{@code
 * visual.positional_embedding}</td></tr>
 * <tr><td>{@code vision_model.pre_layrnorm.{weight,bias}} (sic)</td><td>{@code visual.ln_pre.*}</td></tr>
 * <tr><td>{@code vision_model.encoder.layers.i.*}</td><td>{@code visual.transformer.resblocks.i.*}</td></tr>
 * <tr><td>{@code vision_model.post_layernorm.*}</td><td>{@code visual.ln_post.*}</td></tr>
 * <tr><td>{@code visual_projection.weight} [E, W], transposed</td><td>{@code visual.proj} [W, E]</td></tr>
 * <tr><td>{@code text_model.embeddings.token_embedding.weight}</td><td>{@code token_embedding.weight}</td></tr>
 * <tr><td>{@code text_model.embeddings.position_embedding.weight}</td><td>{@code positional_embedding}</td></tr>
 * <tr><td>{@code text_model.encoder.layers.i.*}</td><td>{@code transformer.resblocks.i.*}</td></tr>
 * <tr><td>{@code text_model.final_layer_norm.*}</td><td>{@code ln_final.*}</td></tr>
 * <tr><td>{@code text_projection.weight} [E, W], transposed</td><td>{@code text_projection} [W, E]</td></tr>
 * <tr><td>{@code logit_scale}</td><td>{@code logit_scale}</td></tr>
 * <tr><td>in a layer: {@code layer_norm1.*}, {@code layer_norm2.*}</td><td>{@code ln_1.*}, {@code ln_2.*}</td></tr>
 * <tr><td>in a layer: {@code self_attn.q_proj}, {@code k_proj}, {@code v_proj} {@code .weight} [D, D]</td>
 *     <td>{@code attn.in_proj_weight} [3D, D], q, k, v stacked in that order</td></tr>
 * <tr><td>in a layer: {@code self_attn.q_proj}, {@code k_proj}, {@code v_proj} {@code .bias} [D]</td>
 *     <td>{@code attn.in_proj_bias} [3D]</td></tr>
 * <tr><td>in a layer: {@code self_attn.out_proj.*}</td><td>{@code attn.out_proj.*}</td></tr>
 * <tr><td>in a layer: {@code mlp.fc1.*}, {@code mlp.fc2.*}</td><td>{@code mlp.c_fc.*}, {@code mlp.c_proj.*}</td></tr>
 * </table>
 *
 * <p>The integer buffers {@code vision_model.embeddings.position_ids} and
 * {@code text_model.embeddings.position_ids} of older Hugging Face files are constants, not weights,
 * and are skipped. Everything else is strict: every tensor must be used, none may be missing,
 * every shape must match ({@code logit_scale} may be [] or [1]) and every dtype must be floating
 * point; the error lists all missing, unexpected and mis-shaped names.
 */
public final class ClipWeights implements AutoCloseable {

    private static final Set<String> HF_IGNORED =
            Set.of("vision_model.embeddings.position_ids", "text_model.embeddings.position_ids");
    private static final int LISTED = 25;

    /** Where one slice of an OpenCLIP tensor comes from. */
    private record Part(String fileName, long[] shape, boolean transpose) {}

    private final SafetensorsFile file;
    private final Map<String, List<Part>> plan;

    private ClipWeights(SafetensorsFile file, Map<String, List<Part>> plan) {
        this.file = file;
        this.plan = plan;
    }

    /**
     * Opens and checks a weights file.
     *
     * @param path a {@code .safetensors} file
     * @param config the architecture it must match
     * @return the checked weights
     * @throws IOException naming the file when it is unreadable or does not match, listing every problem
     */
    public static ClipWeights open(Path path, ClipConfig config) throws IOException {
        SafetensorsFile f = SafetensorsFile.open(path);
        try {
            boolean hf = f.names().stream().anyMatch(n -> n.startsWith("vision_model.") || n.startsWith("text_model."));
            Map<String, List<Part>> plan = new LinkedHashMap<>();
            ClipShapes.of(config)
                    .forEach((name, shape) ->
                            plan.put(name, hf ? hfParts(name, shape) : List.of(new Part(name, shape, false))));
            check(path, f, plan, hf);
            return new ClipWeights(f, plan);
        } catch (IOException | RuntimeException e) {
            f.close();
            throw e;
        }
    }

    /**
     * Reads one tensor in OpenCLIP layout (fused and transposed as needed), as float32.
     *
     * @param openClipName a name of {@link ClipShapes#of(ClipConfig)}
     * @return its values, row-major
     * @throws UncheckedIOException when reading fails
     */
    public float[] values(String openClipName) {
        List<Part> parts = plan.get(openClipName);
        if (parts == null) {
            throw new IllegalArgumentException("no tensor " + openClipName);
        }
        try {
            if (parts.size() == 1) {
                Part p = parts.get(0);
                float[] v = file.floats(p.fileName());
                return p.transpose() ? transpose(v, (int) p.shape()[0], (int) p.shape()[1]) : v;
            }
            List<float[]> pieces = new ArrayList<>();
            int total = 0;
            for (Part p : parts) {
                float[] v = file.floats(p.fileName());
                pieces.add(v);
                total += v.length;
            }
            float[] out = new float[total];
            int at = 0;
            for (float[] v : pieces) {
                System.arraycopy(v, 0, out, at, v.length);
                at += v.length;
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        file.close();
    }

    private static void check(Path path, SafetensorsFile f, Map<String, List<Part>> plan, boolean hf)
            throws IOException {
        Set<String> present = new TreeSet<>(f.names());
        Set<String> missing = new TreeSet<>();
        List<String> misShaped = new ArrayList<>();
        for (List<Part> parts : plan.values()) {
            for (Part p : parts) {
                if (!present.remove(p.fileName())) {
                    missing.add(p.fileName());
                    continue;
                }
                TensorInfo info = f.info(p.fileName());
                long[] want = p.shape();
                boolean scalarOk = p.fileName().equals("logit_scale") && TensorInfo.numel(info.shape()) == 1;
                if (!scalarOk && !Arrays.equals(info.shape(), want)) {
                    misShaped.add(p.fileName() + " " + Arrays.toString(info.shape()) + " (expected "
                            + Arrays.toString(want) + ")");
                } else if (!info.dtype().isFloating()) {
                    misShaped.add(p.fileName() + " has dtype " + info.dtype() + " (expected a floating-point type)");
                }
            }
        }
        if (hf) {
            present.removeAll(HF_IGNORED);
        }
        if (!missing.isEmpty() || !present.isEmpty() || !misShaped.isEmpty()) {
            StringBuilder sb = new StringBuilder(path + ": weights do not match the configuration ("
                    + (hf ? "Hugging Face" : "OpenCLIP") + " names)");
            list(sb, "missing", missing);
            list(sb, "unexpected", present);
            list(sb, "mis-shaped", misShaped);
            throw new IOException(sb.toString());
        }
    }

    private static void list(StringBuilder sb, String what, java.util.Collection<String> names) {
        if (names.isEmpty()) {
            return;
        }
        sb.append("; ").append(what).append(" (").append(names.size()).append("): ");
        sb.append(String.join(", ", names.stream().limit(LISTED).toList()));
        if (names.size() > LISTED) {
            sb.append(", ...");
        }
    }

    /** The Hugging Face tensors that make up one OpenCLIP tensor. */
    private static List<Part> hfParts(String name, long[] shape) {
        switch (name) {
            case "visual.proj":
                return List.of(new Part("visual_projection.weight", new long[] {shape[1], shape[0]}, true));
            case "text_projection":
                return List.of(new Part("text_projection.weight", new long[] {shape[1], shape[0]}, true));
            case "logit_scale":
                return List.of(new Part("logit_scale", shape, false));
            default:
                break;
        }
        String hf = HfNames.toHf(name);
        if (name.endsWith("attn.in_proj_weight") || name.endsWith("attn.in_proj_bias")) {
            long[] each = shape.clone();
            each[0] /= 3;
            String suffix = name.endsWith("weight") ? "weight" : "bias";
            String base = hf.substring(0, hf.lastIndexOf('.')); // ...self_attn
            List<Part> parts = new ArrayList<>();
            for (String p : List.of("q", "k", "v")) {
                parts.add(new Part(base + "." + p + "_proj." + suffix, each, false));
            }
            return parts;
        }
        return List.of(new Part(hf, shape, false));
    }

    /** Transposes a row-major [rows, cols] matrix. */
    private static float[] transpose(float[] v, int rows, int cols) {
        float[] t = new float[v.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = v[r * cols + c];
            }
        }
        return t;
    }
}
