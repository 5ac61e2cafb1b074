package org.parrotscope.clip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Our preprocessing of the fixture PNGs against OpenCLIP's {@code pixel_values} (PIL + torchvision). */
class ClipPreprocessorTest {

    static JsonObject json(Path p) throws Exception {
        return JsonParser.parseString(Files.readString(p)).getAsJsonObject();
    }

    static List<BufferedImage> images(Path dir) throws Exception {
        List<BufferedImage> out = new ArrayList<>();
        for (var e : json(dir.resolve("inputs.json")).getAsJsonArray("images")) {
            out.add(ImageIO.read(dir.resolve(e.getAsString()).toFile()));
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"openclip-tiny-gelu", "openclip-tiny-quickgelu"})
    void fixtureImages_matchOpenClipPixelValues(String fixture) throws Exception {
        Path dir = IoFixtures.model(fixture);
        ClipPreprocessor pre = ClipPreprocessor.fromConfig(json(dir.resolve("config.json")), 0);
        float[] want;
        try (SafetensorsFile f = SafetensorsFile.open(dir.resolve("pixels.safetensors"))) {
            long[] shape = f.info("pixel_values").shape();
            assertEquals(pre.imageSize(), shape[2], "S from config.json");
            want = f.floats("pixel_values");
        }
        float[] got = pre.apply(images(dir));
        assertEquals(want.length, got.length);
        float[] std = pre.std();
        int plane = pre.imageSize() * pre.imageSize();
        double maxErr = 0;
        int offLevels = 0;
        for (int i = 0; i < want.length; i++) {
            maxErr = Math.max(maxErr, Math.abs(want[i] - got[i]));
            // one uint8 level after normalisation is 1 / (255 std)
            if (Math.abs(want[i] - got[i]) > 0.5 / (255 * std[(i / plane) % 3])) {
                offLevels++;
            }
        }
        System.out.printf(
                Locale.ROOT,
                "%s pixel parity: max abs error %.3e, %d of %d values off by a uint8 level%n",
                fixture,
                maxErr,
                offLevels,
                want.length);
        assertTrue(maxErr <= 0.02, "max abs error " + maxErr + " above the fixture tolerance 0.02");
    }

    @Test
    void fromConfig_readsMeanStdAndDefaultsToOpenAi() {
        JsonObject cfg = JsonParser.parseString("{\"preprocess_cfg\":{\"mean\":[0.5,0.5,0.5],\"std\":[0.25,0.5,1]}}")
                .getAsJsonObject();
        ClipPreprocessor p = ClipPreprocessor.fromConfig(cfg, 7);
        assertArrayEquals(new float[] {0.5f, 0.5f, 0.5f}, p.mean());
        assertArrayEquals(new float[] {0.25f, 0.5f, 1f}, p.std());
        ClipPreprocessor d = ClipPreprocessor.fromConfig(new JsonObject(), 224);
        assertArrayEquals(new float[] {0.48145466f, 0.4578275f, 0.40821073f}, d.mean());
        assertThrows(
                IllegalArgumentException.class,
                () -> ClipPreprocessor.fromConfig(
                        JsonParser.parseString("{\"interpolation\":\"bilinear\"}")
                                .getAsJsonObject(),
                        224));
        assertThrows(
                IllegalArgumentException.class,
                () -> ClipPreprocessor.builder().setImageSize(0).build());
    }

    @Test
    void constantImage_normalisesToHandComputedValue() {
        // a flat colour stays flat through any resize; (v / 255 - mean) / std per channel
        BufferedImage img = new BufferedImage(13, 7, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 7; y++) {
            for (int x = 0; x < 13; x++) {
                img.setRGB(x, y, (200 << 16) | (100 << 8) | 0);
            }
        }
        ClipPreprocessor p = ClipPreprocessor.builder()
                .setImageSize(5)
                .optMean(new float[] {0.5f, 0.5f, 0.5f})
                .optStd(new float[] {0.5f, 0.5f, 0.5f})
                .build();
        float[] out = p.apply(img);
        assertEquals(75, out.length);
        assertEquals(2 * 200 / 255.0 - 1, out[0], 1e-6);
        assertEquals(2 * 100 / 255.0 - 1, out[25], 1e-6);
        assertEquals(-1.0, out[74], 1e-6);
    }

    @Test
    void grayAndOpaqueAlphaImages_equalTheirRgbEquivalent() throws Exception {
        BufferedImage rgb = images(IoFixtures.model("openclip-tiny-gelu")).get(1);
        BufferedImage gray = new BufferedImage(rgb.getWidth(), rgb.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        BufferedImage grayAsRgb = new BufferedImage(rgb.getWidth(), rgb.getHeight(), BufferedImage.TYPE_INT_RGB);
        BufferedImage argb = new BufferedImage(rgb.getWidth(), rgb.getHeight(), BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < rgb.getHeight(); y++) {
            for (int x = 0; x < rgb.getWidth(); x++) {
                int v = (rgb.getRGB(x, y) >> 8) & 0xff;
                gray.getRaster().setSample(x, y, 0, v);
                grayAsRgb.setRGB(x, y, (v << 16) | (v << 8) | v);
                argb.setRGB(x, y, rgb.getRGB(x, y) | 0xff000000);
            }
        }
        ClipPreprocessor p = ClipPreprocessor.builder().setImageSize(24).build();
        assertArrayEquals(p.apply(grayAsRgb), p.apply(gray), "L resized = RGB with equal bands resized");
        assertArrayEquals(p.apply(rgb), p.apply(argb), "opaque RGBA = RGB");
    }

    @Test
    void premultiply_handComputedPillowRounding() {
        // MULDIV255(200, 128): t = 25728; ((t >> 8) + t) >> 8 = 100; back: 255 * 100 / 128 = 199
        Pixels px = new Pixels(1, 1, 4, new byte[] {(byte) 200, 10, (byte) 255, (byte) 128});
        Pixels pre = PilImages.premultiply(px);
        assertEquals(100, pre.get(0, 0, 0));
        assertEquals(5, pre.get(0, 0, 1));
        assertEquals(128, pre.get(0, 0, 2));
        Pixels back = PilImages.unpremultiply(pre);
        assertEquals(199, back.get(0, 0, 0));
        assertEquals(9, back.get(0, 0, 1));
        assertEquals(255, back.get(0, 0, 2));
    }

    /** Reads back the uint8 RGB the model sees at (x, y). */
    private static int[] rgbAt(byte[] rgb, int s, int x, int y) {
        int i = (y * s + x) * 3;
        return new int[] {rgb[i] & 0xff, rgb[i + 1] & 0xff, rgb[i + 2] & 0xff};
    }

    @Test
    void paletteImage_isResizedNearestAsPillowDoesForModeP() {
        // 4x4 palette image, S = 2: Pillow ignores BICUBIC for mode P; nearest samples at (i + 0.5) * 2 -> 1 and 3
        byte[] reds = new byte[16];
        for (int i = 0; i < 16; i++) {
            reds[i] = (byte) (i * 16);
        }
        var icm = new java.awt.image.IndexColorModel(8, 16, reds, new byte[16], new byte[16]);
        BufferedImage img = new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_INDEXED, icm);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                img.getRaster().setSample(x, y, 0, y * 4 + x);
            }
        }
        byte[] rgb = ClipPreprocessor.builder().setImageSize(2).build().resizedRgb(img);
        assertArrayEquals(new int[] {(1 * 4 + 1) * 16, 0, 0}, rgbAt(rgb, 2, 0, 0));
        assertArrayEquals(new int[] {(1 * 4 + 3) * 16, 0, 0}, rgbAt(rgb, 2, 1, 0));
        assertArrayEquals(new int[] {(3 * 4 + 1) * 16, 0, 0}, rgbAt(rgb, 2, 0, 1));
        assertArrayEquals(new int[] {(3 * 4 + 3) * 16, 0, 0}, rgbAt(rgb, 2, 1, 1));
    }

    @Test
    void translucentImage_isResizedPremultipliedThenAlphaDropped() {
        // constant (200, 10, 255, a=128): premultiplied (100, 5, 128), flat through the resize, back to (199, 9, 255)
        BufferedImage img = new BufferedImage(5, 3, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 3; y++) {
            for (int x = 0; x < 5; x++) {
                img.setRGB(x, y, (128 << 24) | (200 << 16) | (10 << 8) | 255);
            }
        }
        byte[] rgb = ClipPreprocessor.builder().setImageSize(2).build().resizedRgb(img);
        for (int i = 0; i < 4; i++) {
            assertArrayEquals(new int[] {199, 9, 255}, rgbAt(rgb, 2, i % 2, i / 2));
        }
        // no resize needed: Pillow copies the image, so even fully transparent pixels keep their colour
        BufferedImage same = new BufferedImage(2, 2, BufferedImage.TYPE_INT_ARGB);
        same.setRGB(0, 0, 0x00ff0000);
        byte[] kept = ClipPreprocessor.builder().setImageSize(2).build().resizedRgb(same);
        assertArrayEquals(new int[] {255, 0, 0}, rgbAt(kept, 2, 0, 0));
    }

    @Test
    void shortSideAndCrop_followTorchvisionRounding() {
        // 10x4 to S = 3: long side int(3 * 10 / 4) = 7, crop left round((7 - 3) / 2) = 2 (column ramp survives as
        // order)
        BufferedImage img = new BufferedImage(10, 4, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 10; x++) {
            for (int y = 0; y < 4; y++) {
                img.setRGB(x, y, (x * 25) << 16);
            }
        }
        byte[] rgb = ClipPreprocessor.builder().setImageSize(3).build().resizedRgb(img);
        assertEquals(27, rgb.length);
        assertTrue(rgbAt(rgb, 3, 0, 1)[0] < rgbAt(rgb, 3, 1, 1)[0] && rgbAt(rgb, 3, 1, 1)[0] < rgbAt(rgb, 3, 2, 1)[0]);
        // the centre column of 7 is centred at 3.5 * 10 / 7 = 5.0 in the source, i.e. between pixels 4 and 5; the
        // cubic reproduces a linear ramp away from the borders: 4.5 * 25 = 112.5, to one uint8 level
        assertEquals(112.5, rgbAt(rgb, 3, 1, 1)[0], 1);
    }
}
