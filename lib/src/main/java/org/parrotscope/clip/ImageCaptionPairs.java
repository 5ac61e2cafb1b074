package org.parrotscope.clip;

import com.google.gson.JsonObject;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.parrotscope.data.ImageDecoder;
import org.parrotscope.data.Sample;
import org.parrotscope.util.Json;

/**
 * A small list of decoded images with their captions, read from a JSONL file of
 * {@code {"image": path relative to the file, "caption": text}} lines (blank lines ignored). Every image must
 * decode, because results are indexed by input order: a bad line fails with the file and line number.
 *
 * @param images the decoded images, in file order
 * @param captions the captions, one per image
 */
public record ImageCaptionPairs(List<BufferedImage> images, List<String> captions) {

    /** Copies the lists and checks they pair up. */
    public ImageCaptionPairs {
        images = List.copyOf(images);
        captions = List.copyOf(captions);
        if (images.size() != captions.size()) {
            throw new IllegalArgumentException(images.size() + " images but " + captions.size() + " captions");
        }
    }

    /**
     * Reads and decodes the pairs.
     *
     * @param file the JSONL file
     * @param decoder decodes the images (pixel limit, plugins)
     * @return the pairs
     * @throws IOException naming the file and line when a line is not a pair or an image is missing or unreadable,
     *     or when the file holds no pair
     */
    public static ImageCaptionPairs read(Path file, ImageDecoder decoder) throws IOException {
        Path base = file.toAbsolutePath().getParent();
        List<BufferedImage> images = new ArrayList<>();
        List<String> captions = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String where = file + ":" + (i + 1);
            JsonObject o;
            try {
                o = Json.parse(line).getAsJsonObject();
            } catch (RuntimeException e) {
                throw new IOException(where + ": not a JSON object: " + e.getMessage(), e);
            }
            if (!o.has("image") || !o.has("caption")) {
                throw new IOException(where + ": needs \"image\" and \"caption\"");
            }
            Path img = base.resolve(o.get("image").getAsString());
            if (!Files.isRegularFile(img)) {
                throw new IOException(where + ": no image file " + img);
            }
            String name = img.getFileName().toString();
            String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
            String caption = o.get("caption").getAsString();
            try {
                images.add(
                        decoder.decode(new Sample(name, caption, ext, Files.readAllBytes(img), null, img.toString())));
            } catch (IOException e) {
                throw new IOException(where + ": cannot decode " + img + ": " + e.getMessage(), e);
            }
            captions.add(caption);
        }
        if (images.isEmpty()) {
            throw new IOException(file + ": no pairs");
        }
        return new ImageCaptionPairs(images, captions);
    }
}
