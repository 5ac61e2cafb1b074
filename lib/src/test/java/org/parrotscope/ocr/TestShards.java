package org.parrotscope.ocr;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.parrotscope.util.Json;

/** Writes dataset folders (images + {@code captions.jsonl}, a shard each) for the OCR run tests. */
final class TestShards {

    /**
     * One sample.
     *
     * @param key the key (image file name without extension)
     * @param ext the image extension
     * @param bytes the encoded image
     * @param truth the mini-LAION style {@code truth} object, or null for none
     */
    record Item(String key, String ext, byte[] bytes, JsonObject truth) {}

    private TestShards() {}

    /** Writes {@code dir} with the items' images and a captions.jsonl listing them in order. */
    static Path folder(Path dir, List<Item> items) throws IOException {
        Files.createDirectories(dir);
        StringBuilder table = new StringBuilder();
        for (Item it : items) {
            Files.write(dir.resolve(it.key() + "." + it.ext()), it.bytes());
            JsonObject row = new JsonObject();
            row.addProperty("image", it.key() + "." + it.ext());
            row.addProperty("caption", "caption of " + it.key());
            if (it.truth() != null) {
                row.add("truth", it.truth());
            }
            table.append(Json.COMPACT.toJson(row)).append('\n');
        }
        Files.writeString(dir.resolve("captions.jsonl"), table, StandardCharsets.UTF_8);
        return dir;
    }

    /** A rendered-text sample whose truth lists the drawn words. */
    static Item rendered(String key, TextImage t) {
        return new Item(key, "png", png(t.image()), truth(t));
    }

    static JsonObject truth(TextImage t) {
        JsonObject truth = new JsonObject();
        JsonArray words = new JsonArray();
        for (TextImage.Word w : t.words()) {
            JsonObject o = new JsonObject();
            o.addProperty("text", w.text());
            JsonArray b = new JsonArray();
            b.add(w.box().x0());
            b.add(w.box().y0());
            b.add(w.box().x1());
            b.add(w.box().y1());
            o.add("box", b);
            words.add(o);
        }
        truth.add("words", words);
        return truth;
    }

    static byte[] png(BufferedImage img) {
        return encode(img, "png");
    }

    static byte[] encode(BufferedImage img, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(img, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A CMYK JPEG (Adobe marker, written by TwelveMonkeys) of an RGB image, converted with naive K extraction. */
    static byte[] cmykJpeg(BufferedImage src) {
        int w = src.getWidth(), h = src.getHeight();
        ColorSpace cs = com.twelvemonkeys.imageio.color.ColorSpaces.getColorSpace(
                com.twelvemonkeys.imageio.color.ColorSpaces.CS_GENERIC_CMYK);
        ComponentColorModel cm = new ComponentColorModel(cs, false, false, Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
        WritableRaster r = cm.createCompatibleWritableRaster(w, h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = src.getRGB(x, y);
                int red = rgb >> 16 & 255, green = rgb >> 8 & 255, blue = rgb & 255;
                int k = 255 - Math.max(red, Math.max(green, blue));
                r.setPixel(x, y, new int[] {255 - red - k, 255 - green - k, 255 - blue - k, k});
            }
        }
        ImageIO.scanForPlugins();
        ImageWriter wr = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(bo)) {
            wr.setOutput(ios);
            wr.write(new BufferedImage(cm, r, false, null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            wr.dispose();
        }
        return bo.toByteArray();
    }
}
