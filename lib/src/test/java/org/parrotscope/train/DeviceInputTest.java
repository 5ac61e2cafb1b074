package org.parrotscope.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.parrotscope.clip.ClipPreprocessor;

/**
 * The uint8 input path against the float path it replaced and against CLIP's preprocessing: the model must see the
 * same values whether the loader normalised on the heap or the step normalises on the device.
 */
class DeviceInputTest {

    static final int SIDE = 16;
    static final float[] MEAN = ClipPreprocessor.OPENAI_MEAN;
    static final float[] STD = ClipPreprocessor.OPENAI_STD;

    static BufferedImage noise(int w, int h, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, rng.nextInt(1 << 24));
            }
        }
        return img;
    }

    /** The S x S RGB image whose CHW bytes are given, for CLIP's preprocessing to read. */
    static BufferedImage fromChw(byte[] chw, int offset) {
        BufferedImage img = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_INT_RGB);
        int plane = SIDE * SIDE;
        for (int i = 0; i < plane; i++) {
            int r = chw[offset + i] & 0xff;
            int g = chw[offset + plane + i] & 0xff;
            int b = chw[offset + 2 * plane + i] & 0xff;
            img.setRGB(i % SIDE, i / SIDE, (r << 16) | (g << 8) | b);
        }
        return img;
    }

    @Test
    void devicePixels_equalTheFloatPathAndClipPreprocessing_bitForBit() {
        TrainTransform t = new TrainTransform(SIDE, 0.9, 1.0, MEAN, STD);
        int plane = 3 * SIDE * SIDE;
        byte[] bytes = new byte[2 * plane];
        float[] floats = new float[2 * plane];
        for (int i = 0; i < 2; i++) {
            BufferedImage img = noise(23 + i, 19, i);
            System.arraycopy(t.applyBytes(img, new SplittableRandom(7 + i)), 0, bytes, i * plane, plane);
            System.arraycopy(t.apply(img, new SplittableRandom(7 + i)), 0, floats, i * plane, plane);
        }
        ClipPreprocessor clip = new ClipPreprocessor(SIDE, MEAN, STD);
        float[] expected = clip.apply(List.of(fromChw(bytes, 0), fromChw(bytes, plane)));
        // CLIP's preprocessing of an S x S image is only the normalisation: the float path is that, too
        assertArrayEquals(expected, floats, 0f);
        try (NDManager m = NDManager.newBaseManager();
                DeviceInput input = new DeviceInput(m, MEAN, STD)) {
            TrainBatch b = new TrainBatch(0, 0, 2, bytes, new long[] {5, 6, 7, 8}, List.of());
            NDArray px = input.pixels(b, SIDE, m);
            assertEquals(new Shape(2, 3, SIDE, SIDE), px.getShape());
            assertEquals(DataType.FLOAT32, px.getDataType());
            assertArrayEquals(expected, px.toFloatArray(), 0f);
            assertArrayEquals(new long[] {5, 6, 7, 8}, input.tokens(b, 2, m).toLongArray());
            // the reused buffer: a second batch does not change the first one's pixels
            byte[] other = bytes.clone();
            java.util.Arrays.fill(other, (byte) 200);
            NDArray second = input.pixels(other, 2, SIDE, m);
            assertArrayEquals(expected, px.toFloatArray(), 0f);
            assertEquals((200 / 255f - MEAN[1]) / STD[1], second.toFloatArray()[SIDE * SIDE], 0f);
        }
    }
}
