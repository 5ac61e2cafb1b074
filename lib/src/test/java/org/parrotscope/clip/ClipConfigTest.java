package org.parrotscope.clip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

class ClipConfigTest {

    private static JsonObject json(String s) {
        return JsonParser.parseString(s).getAsJsonObject();
    }

    @Test
    void vitB32Preset_hasOpenClipsParameterCountAndTensorCount() {
        ClipConfig c = ClipPresets.load("ViT-B-32");
        // OpenCLIP reference facts (fixtures README): 151,277,313 parameters in 302 state-dict tensors
        assertEquals(151_277_313L, c.parameterCount());
        assertEquals(302, ClipShapes.of(c).size());
        assertEquals(151_277_313L, ClipPresets.load("ViT-B-32-quickgelu").parameterCount());
        assertTrue(ClipPresets.load("ViT-B-32-quickgelu").quickGelu());
        assertEquals(12, c.vision().heads());
        assertEquals(50, c.vision().tokens());
    }

    @Test
    void presets_allLoadAndIncludeThePaperModels() {
        assertTrue(ClipPresets.names()
                .containsAll(
                        java.util.List.of("ViT-B-32", "ViT-B-32-quickgelu", "ViT-B-16", "ViT-L-14", "mini", "tiny")));
        for (String name : ClipPresets.names()) {
            ClipConfig c = ClipPresets.load(name);
            assertEquals(c, ClipConfig.fromJson(c.toJson()), name + " survives a JSON round trip");
        }
        ClipConfig l14 = ClipPresets.load("ViT-L-14");
        assertEquals(16, l14.vision().heads()); // 1024 / 64
        assertEquals(257, l14.vision().tokens()); // (224/14)^2 + 1
        assertThrows(IllegalArgumentException.class, () -> ClipPresets.load("RN50"));
    }

    @Test
    void fixtureConfig_wrappedAndBare_parseWithDefaults() throws Exception {
        ClipConfig wrapped = ClipConfig.read(Fixtures.dir(Fixtures.GELU).resolve("config.json"));
        assertEquals(24, wrapped.embedDim());
        assertEquals(96, wrapped.vision().width());
        assertEquals(1, wrapped.vision().heads()); // 96 / 64 rounded down, as OpenCLIP
        assertEquals(384, wrapped.vision().mlpWidth());
        assertEquals(4, wrapped.text().heads());
        assertFalse(wrapped.quickGelu());
        ClipConfig bare = ClipConfig.fromJson(json("{\"embed_dim\":24,\"vision_cfg\":{\"image_size\":48,\"layers\":2,"
                + "\"width\":96,\"patch_size\":16},\"text_cfg\":{\"context_length\":77,\"vocab_size\":49408,\"width\":32,"
                + "\"heads\":4,\"layers\":2}}"));
        assertEquals(wrapped, bare);
        assertTrue(ClipConfig.read(Fixtures.dir(Fixtures.QUICKGELU).resolve("config.json"))
                .quickGelu());
    }

    @Test
    void unsupportedTowers_areRejectedNamingTheField() {
        var rn = assertThrows(
                IllegalArgumentException.class,
                () -> ClipConfig.fromJson(json(
                        "{\"embed_dim\":1024,\"vision_cfg\":{\"image_size\":224,\"layers\":[3,4,6,3],\"width\":64},"
                                + "\"text_cfg\":{\"width\":512,\"heads\":8,\"layers\":12}}")));
        assertTrue(rn.getMessage().contains("ModifiedResNet"), rn.getMessage());
        var timm = assertThrows(
                IllegalArgumentException.class,
                () -> ClipConfig.fromJson(
                        json(
                                "{\"embed_dim\":512,\"vision_cfg\":{\"image_size\":224,\"layers\":12,\"width\":768,\"patch_size\":32,"
                                        + "\"timm_model_name\":\"vit_base\"},\"text_cfg\":{\"width\":512,\"heads\":8,\"layers\":12}}")));
        assertTrue(timm.getMessage().contains("vision_cfg.timm_model_name"), timm.getMessage());
        var hf = assertThrows(
                IllegalArgumentException.class,
                () -> ClipConfig.fromJson(json(
                        "{\"embed_dim\":512,\"vision_cfg\":{\"image_size\":224,\"layers\":12,\"width\":768,\"patch_size\":32},"
                                + "\"text_cfg\":{\"hf_model_name\":\"roberta-base\"}}")));
        assertTrue(hf.getMessage().contains("text_cfg.hf_model_name"), hf.getMessage());
        var missing = assertThrows(
                IllegalArgumentException.class,
                () -> ClipConfig.fromJson(
                        json(
                                "{\"vision_cfg\":{\"image_size\":224,\"layers\":12,\"width\":768,\"patch_size\":32},\"text_cfg\":{}}")));
        assertTrue(missing.getMessage().contains("embed_dim"), missing.getMessage());
    }

    @Test
    void defaultValuedOptionalFields_areAccepted() {
        ClipConfig c = ClipConfig.fromJson(json("{\"embed_dim\":512,\"vision_cfg\":{\"image_size\":224,\"layers\":12,"
                + "\"width\":768,\"patch_size\":32,\"ls_init_value\":null,\"patch_dropout\":0.0},"
                + "\"text_cfg\":{\"context_length\":77,\"vocab_size\":49408,\"width\":512,\"heads\":8,\"layers\":12,"
                + "\"hf_model_name\":null},\"custom_text\":false}"));
        assertEquals(ClipPresets.load("ViT-B-32"), c);
    }

    @Test
    void huggingFaceClipConfig_withTransformersDefaults_isOpenAisVitB32() {
        // openai/clip-vit-base-patch32 style: towers mostly left at the transformers defaults
        ClipConfig c = ClipConfig.fromJson(json("{\"architectures\":[\"CLIPModel\"],\"projection_dim\":512,"
                + "\"text_config_dict\":{\"hidden_size\":512},\"vision_config_dict\":{\"hidden_size\":768,"
                + "\"intermediate_size\":3072,\"num_attention_heads\":12,\"patch_size\":32}}"));
        assertEquals(ClipPresets.load("ViT-B-32-quickgelu"), c);
        ClipConfig l14 = ClipConfig.fromJson(json("{\"projection_dim\":768,\"text_config\":{\"hidden_size\":768,"
                + "\"intermediate_size\":3072,\"num_attention_heads\":12,\"hidden_act\":\"gelu\"},"
                + "\"vision_config\":{\"hidden_size\":1024,\"intermediate_size\":4096,\"num_attention_heads\":16,"
                + "\"num_hidden_layers\":24,\"patch_size\":14,\"hidden_act\":\"gelu\"}}"));
        assertEquals(ClipPresets.load("ViT-L-14"), l14);
    }

    @Test
    void builder_withOpenClipDefaults_equalsThePreset() {
        ClipConfig built = ClipConfig.builder()
                .setEmbedDim(512)
                .setVision(224, 32, 768, 12)
                .setText(77, 49408, 512, 8, 12)
                .optQuickGelu(true)
                .build();
        assertEquals(ClipPresets.load("ViT-B-32-quickgelu"), built);
        assertThrows(
                IllegalStateException.class,
                () -> ClipConfig.builder().setEmbedDim(8).build());
        assertThrows(
                IllegalArgumentException.class,
                () -> ClipConfig.builder()
                        .setEmbedDim(8)
                        .setVision(32, 8, 64, 2)
                        .setText(77, 100, 30, 4, 2)
                        .build()); // 30 is not divisible by 4 heads
    }
}
