package org.parrotscope.clip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClipWeightsTest {

    @TempDir
    Path tmp;

    /** Reads every tensor of the fixture's OpenCLIP-named weights. */
    private static Map<String, SafetensorsWriter.Tensor> fixtureTensors(String fixture) throws IOException {
        Map<String, SafetensorsWriter.Tensor> out = new LinkedHashMap<>();
        try (SafetensorsFile f = SafetensorsFile.open(Fixtures.dir(fixture).resolve("model.safetensors"))) {
            for (String n : f.names()) {
                out.put(n, new SafetensorsWriter.Tensor(f.info(n).shape(), f.floats(n)));
            }
        }
        return out;
    }

    /** A model folder with the fixture's config (symlinked) and the given weights. */
    private Path folder(String name, String fixture, Map<String, SafetensorsWriter.Tensor> tensors) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(name));
        Files.createSymbolicLink(
                dir.resolve("config.json"),
                Fixtures.dir(fixture).resolve("config.json").toAbsolutePath());
        SafetensorsWriter.write(dir.resolve("model.safetensors"), tensors, SafeDType.F32, Map.of());
        return dir;
    }

    /**
     * Renames an OpenCLIP state dict to Hugging Face CLIPModel names, written out here from the
     * transformers conversion script's naming (independent of {@link HfNames}).
     */
    private static Map<String, SafetensorsWriter.Tensor> toHuggingFace(Map<String, SafetensorsWriter.Tensor> oc) {
        Map<String, SafetensorsWriter.Tensor> hf = new LinkedHashMap<>();
        oc.forEach((name, t) -> {
            String n = name;
            if (n.equals("visual.proj") || n.equals("text_projection")) {
                hf.put(n.equals("visual.proj") ? "visual_projection.weight" : "text_projection.weight", transposed(t));
                return;
            }
            n = n.replace("visual.conv1.weight", "vision_model.embeddings.patch_embedding.weight")
                    .replace("visual.class_embedding", "vision_model.embeddings.class_embedding")
                    .replace("visual.positional_embedding", "vision_model.embeddings.position_embedding.weight")
                    .replace("visual.ln_pre", "vision_model.pre_layrnorm")
                    .replace("visual.ln_post", "vision_model.post_layernorm")
                    .replace("visual.transformer.resblocks", "vision_model.encoder.layers")
                    .replace("token_embedding.weight", "text_model.embeddings.token_embedding.weight");
            if (n.equals("positional_embedding")) {
                n = "text_model.embeddings.position_embedding.weight";
            }
            if (n.startsWith("transformer.resblocks")) {
                n = n.replace("transformer.resblocks", "text_model.encoder.layers");
            }
            n = n.replace("ln_final", "text_model.final_layer_norm")
                    .replace(".ln_1.", ".layer_norm1.")
                    .replace(".ln_2.", ".layer_norm2.")
                    .replace(".attn.out_proj.", ".self_attn.out_proj.")
                    .replace(".mlp.c_fc.", ".mlp.fc1.")
                    .replace(".mlp.c_proj.", ".mlp.fc2.");
            if (n.endsWith(".attn.in_proj_weight") || n.endsWith(".attn.in_proj_bias")) {
                String base = n.substring(0, n.indexOf(".attn.")) + ".self_attn.";
                String kind = n.endsWith("weight") ? ".weight" : ".bias";
                int third = t.data().length / 3;
                long[] shape = t.shape().clone();
                shape[0] /= 3;
                String[] qkv = {"q_proj", "k_proj", "v_proj"};
                for (int i = 0; i < 3; i++) {
                    hf.put(
                            base + qkv[i] + kind,
                            new SafetensorsWriter.Tensor(
                                    shape, Arrays.copyOfRange(t.data(), i * third, (i + 1) * third)));
                }
                return;
            }
            hf.put(n, t);
        });
        return hf;
    }

    private static SafetensorsWriter.Tensor transposed(SafetensorsWriter.Tensor t) {
        int r = (int) t.shape()[0];
        int c = (int) t.shape()[1];
        float[] out = new float[r * c];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                out[j * r + i] = t.data()[i * c + j];
            }
        }
        return new SafetensorsWriter.Tensor(new long[] {c, r}, out);
    }

    @Test
    void huggingFaceNamedCopy_loadsAndGivesIdenticalFeatures() throws Exception {
        for (String fixture : new String[] {Fixtures.QUICKGELU, Fixtures.GELU}) {
            Map<String, SafetensorsWriter.Tensor> hf = toHuggingFace(fixtureTensors(fixture));
            assertTrue(hf.containsKey("vision_model.encoder.layers.0.self_attn.q_proj.weight"));
            Path dir = folder("hf-" + fixture, fixture, hf);
            float[] px = Fixtures.tensor(fixture, "pixels.safetensors", "pixel_values");
            long[][] ids = Fixtures.inputIds(fixture);
            try (ClipModel ref = ClipModel.load(Fixtures.dir(fixture));
                    ClipModel fromHf = ClipModel.load(dir)) {
                float[][] a = ref.encodeImages(px, 4);
                float[][] b = fromHf.encodeImages(px, 4);
                float[][] ta = ref.encodeTexts(ids);
                float[][] tb = fromHf.encodeTexts(ids);
                for (int i = 0; i < 4; i++) {
                    assertArrayEquals(a[i], b[i], fixture);
                    assertArrayEquals(ta[i], tb[i], fixture);
                }
                assertEquals(ref.logitScale(), fromHf.logitScale());
            }
        }
    }

    @Test
    void huggingFaceFolder_withClipConfigAndPreprocessorConfig_loads() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("hf-folder"));
        SafetensorsWriter.write(
                dir.resolve("model.safetensors"),
                toHuggingFace(fixtureTensors(Fixtures.GELU)),
                SafeDType.F32,
                Map.of());
        // the GELU fixture's sizes in transformers' CLIPConfig vocabulary
        Files.writeString(
                dir.resolve("config.json"),
                "{\"projection_dim\":24,\"text_config\":{\"hidden_size\":32,"
                        + "\"intermediate_size\":128,\"num_attention_heads\":4,\"num_hidden_layers\":2,\"hidden_act\":\"gelu\"},"
                        + "\"vision_config\":{\"hidden_size\":96,\"intermediate_size\":384,\"num_attention_heads\":1,"
                        + "\"num_hidden_layers\":2,\"image_size\":48,\"patch_size\":16,\"hidden_act\":\"gelu\"}}");
        Files.writeString(
                dir.resolve("preprocessor_config.json"),
                "{\"image_mean\":[0.5,0.5,0.5],\"image_std\":[0.25,0.25,0.25]}");
        float[] px = Fixtures.tensor(Fixtures.GELU, "pixels.safetensors", "pixel_values");
        try (ClipModel ref = ClipModel.load(Fixtures.dir(Fixtures.GELU));
                ClipModel hf = ClipModel.load(dir)) {
            assertEquals(ref.config(), hf.config());
            float[][] a = ref.encodeImages(px, 4);
            float[][] b = hf.encodeImages(px, 4);
            for (int i = 0; i < 4; i++) {
                assertArrayEquals(a[i], b[i]);
            }
            assertEquals(
                    0.25, hf.preprocessConfig().getAsJsonArray("std").get(1).getAsDouble());
        }
    }

    @Test
    void halfPrecisionFiles_loadAsFloat32WithNearlyTheSameEmbeddings() throws Exception {
        float[] px = Fixtures.tensor(Fixtures.GELU, "pixels.safetensors", "pixel_values");
        long[][] ids = Fixtures.inputIds(Fixtures.GELU);
        for (SafeDType dtype : new SafeDType[] {SafeDType.F16, SafeDType.BF16}) {
            Path dir = Files.createDirectories(tmp.resolve("half-" + dtype));
            Files.createSymbolicLink(
                    dir.resolve("config.json"),
                    Fixtures.dir(Fixtures.GELU).resolve("config.json").toAbsolutePath());
            SafetensorsWriter.write(dir.resolve("model.safetensors"), fixtureTensors(Fixtures.GELU), dtype, Map.of());
            try (ClipModel ref = ClipModel.load(Fixtures.dir(Fixtures.GELU));
                    ClipModel half = ClipModel.load(dir)) {
                float[][] a = ClipMath.normalize(ref.encodeImages(px, 4));
                float[][] b = ClipMath.normalize(half.encodeImages(px, 4));
                float[][] ta = ClipMath.normalize(ref.encodeTexts(ids));
                float[][] tb = ClipMath.normalize(half.encodeTexts(ids));
                for (int i = 0; i < 4; i++) {
                    // bf16 keeps 8 bits of mantissa: embeddings stay within a few degrees
                    assertTrue(
                            ClipMath.dot(a[i], b[i]) > 0.99, dtype + " image " + i + ": " + ClipMath.dot(a[i], b[i]));
                    assertTrue(
                            ClipMath.dot(ta[i], tb[i]) > 0.99,
                            dtype + " text " + i + ": " + ClipMath.dot(ta[i], tb[i]));
                }
            }
        }
    }

    @Test
    void malformedWeights_listMissingUnexpectedAndMisShapedNames() throws Exception {
        Map<String, SafetensorsWriter.Tensor> t = fixtureTensors(Fixtures.QUICKGELU);
        t.remove("visual.ln_post.bias");
        t.put("visual.extra_head", new SafetensorsWriter.Tensor(new long[] {2}, new float[2]));
        t.put("text_projection", new SafetensorsWriter.Tensor(new long[] {32, 64}, new float[32 * 64]));
        Path dir = folder("bad", Fixtures.QUICKGELU, t);
        IOException e = assertThrows(IOException.class, () -> ClipModel.load(dir));
        String msg = e.getMessage();
        assertTrue(msg.contains("model.safetensors"), msg);
        assertTrue(msg.contains("missing (1): visual.ln_post.bias"), msg);
        assertTrue(msg.contains("unexpected (1): visual.extra_head"), msg);
        assertTrue(msg.contains("mis-shaped (1): text_projection [32, 64] (expected [64, 32])"), msg);
    }

    @Test
    void weightsOfAnotherConfiguration_areRejected() throws Exception {
        // the GELU fixture's weights under the QuickGELU fixture's config: every width differs
        Path dir = folder("other", Fixtures.QUICKGELU, fixtureTensors(Fixtures.GELU));
        IOException e = assertThrows(IOException.class, () -> ClipModel.load(dir));
        assertTrue(e.getMessage().contains("mis-shaped"), e.getMessage());
        assertTrue(
                e.getMessage().contains("visual.conv1.weight [96, 3, 16, 16] (expected [64, 3, 8, 8])"),
                e.getMessage());
    }

    @Test
    void missingWeightsFile_isAClearError() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("empty"));
        Files.createSymbolicLink(
                dir.resolve("config.json"),
                Fixtures.dir(Fixtures.GELU).resolve("config.json").toAbsolutePath());
        IOException e = assertThrows(IOException.class, () -> ClipModel.load(dir));
        assertTrue(e.getMessage().contains("model.safetensors"), e.getMessage());
    }
}
