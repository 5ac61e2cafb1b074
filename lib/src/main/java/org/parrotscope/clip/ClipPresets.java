package org.parrotscope.clip;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.parrotscope.util.Json;

/**
 * Named CLIP architectures shipped as JSON resources ({@code org/parrotscope/clip/presets/NAME.json},
 * OpenCLIP's {@code model_cfg} format). The full-size presets copy OpenCLIP's {@code model_configs}
 * (ViT-B-32 is the model the paper scores with); {@code mini} and {@code tiny} are small
 * architectures for CPU training and tests.
 */
public final class ClipPresets {

    private static final String ROOT = "presets/";

    private ClipPresets() {}

    /** @return the preset names, in the order of {@code presets/index.txt} */
    public static List<String> names() {
        try (InputStream in = ClipPresets.class.getResourceAsStream(ROOT + "index.txt")) {
            if (in == null) {
                throw new IllegalStateException("preset index missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Loads a preset.
     *
     * @param name a name from {@link #names()}, e.g. {@code ViT-B-32}
     * @return its configuration
     * @throws IllegalArgumentException for an unknown name (listing the known ones)
     */
    public static ClipConfig load(String name) {
        if (!names().contains(name)) {
            throw new IllegalArgumentException(
                    "unknown CLIP preset '" + name + "', known: " + String.join(", ", names()));
        }
        try (InputStream in = ClipPresets.class.getResourceAsStream(ROOT + name + ".json")) {
            if (in == null) {
                throw new IllegalStateException("preset " + name + " listed but missing from the classpath");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return ClipConfig.fromJson(Json.parse(text).getAsJsonObject());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
