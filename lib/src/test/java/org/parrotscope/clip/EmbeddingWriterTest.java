package org.parrotscope.clip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parrotscope.data.ImageDecoder;

class EmbeddingWriterTest {

    @TempDir
    Path tmp;

    @Test
    void writePairs_storesRowsAndTheImageByCaptionCosines() throws Exception {
        // unit vectors: image 0 = x, image 1 = (0.6, 0.8); captions x and y
        float[][] img = {{1, 0}, {0.6f, 0.8f}};
        float[][] txt = {{1, 0}, {0, 1}};
        Path f = tmp.resolve("e.safetensors");
        EmbeddingWriter.writePairs(f, img, txt, "pairs.jsonl");
        try (SafetensorsFile s = SafetensorsFile.open(f)) {
            assertArrayEquals(new long[] {2, 2}, s.info("image_embeds").shape());
            assertArrayEquals(new float[] {1, 0, 0.6f, 0.8f}, s.floats("image_embeds"));
            assertArrayEquals(new float[] {1, 0, 0, 1}, s.floats("text_embeds"));
            // row i = image i: [x.x, x.y, v.x, v.y]
            assertArrayEquals(new float[] {1, 0, 0.6f, 0.8f}, s.floats("cosine"), 1e-7f);
            assertEquals("pairs.jsonl", s.metadata().get("pairs"));
        }
    }

    @Test
    void writeScored_keepsKeysInOrderAndAnEmptyShardHasShapeZeroByDim() throws Exception {
        Path f = tmp.resolve("s.safetensors");
        EmbeddingWriter.writeScored(
                f,
                List.of(
                        new ShardScorer.Scored("a", 0.5f, new float[] {1, 0, 0}, new float[] {0, 1, 0}),
                        new ShardScorer.Scored("b,c", 0.1f, new float[] {0, 0, 1}, new float[] {1, 0, 0})),
                3);
        try (SafetensorsFile s = SafetensorsFile.open(f)) {
            assertArrayEquals(new float[] {1, 0, 0, 0, 0, 1}, s.floats("image_embeds"));
            assertArrayEquals(new float[] {0, 1, 0, 1, 0, 0}, s.floats("text_embeds"));
            assertEquals("[\"a\",\"b,c\"]", s.metadata().get("keys"));
        }
        Path empty = tmp.resolve("empty.safetensors");
        EmbeddingWriter.writeScored(empty, List.of(), 3);
        try (SafetensorsFile s = SafetensorsFile.open(empty)) {
            assertArrayEquals(new long[] {0, 3}, s.info("text_embeds").shape());
        }
    }

    @Test
    void flatten_rejectsARowOfAnotherWidth() {
        assertArrayEquals(
                new float[] {1, 2, 3, 4}, ClipMath.flatten(List.of(new float[] {1, 2}, new float[] {3, 4}), 2));
        assertThrows(
                IllegalArgumentException.class,
                () -> ClipMath.flatten(List.of(new float[] {1, 2}, new float[] {3}), 2));
    }

    @Test
    void imageCaptionPairs_readsInOrderAndNamesTheBadLine() throws Exception {
        ImageIO.write(
                new BufferedImage(8, 6, BufferedImage.TYPE_INT_RGB),
                "png",
                tmp.resolve("a.png").toFile());
        Path pairs = tmp.resolve("pairs.jsonl");
        Files.writeString(
                pairs, "{\"image\":\"a.png\",\"caption\":\"one\"}\n\n{\"image\":\"a.png\",\"caption\":\"two\"}\n");
        ImageCaptionPairs p = ImageCaptionPairs.read(pairs, ImageDecoder.defaults());
        assertEquals(List.of("one", "two"), p.captions());
        assertEquals(8, p.images().get(1).getWidth());
        Files.writeString(
                pairs, "{\"image\":\"a.png\",\"caption\":\"one\"}\n{\"image\":\"missing.png\",\"caption\":\"x\"}\n");
        IOException e = assertThrows(IOException.class, () -> ImageCaptionPairs.read(pairs, ImageDecoder.defaults()));
        assertTrue(e.getMessage().startsWith(pairs + ":2: no image file"), e.getMessage());
        Files.writeString(pairs, "\n");
        assertTrue(assertThrows(IOException.class, () -> ImageCaptionPairs.read(pairs, ImageDecoder.defaults()))
                .getMessage()
                .endsWith("no pairs"));
    }
}
