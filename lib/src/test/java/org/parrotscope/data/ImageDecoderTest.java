package org.parrotscope.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;

class ImageDecoderTest {

    private final ImageDecoder decoder = ImageDecoder.defaults();

    private static Sample sample(String ext, byte[] bytes) {
        return new Sample("k1", "a caption", ext, bytes, null, "test.tar");
    }

    private static int[] rgb(BufferedImage img, int x, int y) {
        int p = img.getRGB(x, y);
        return new int[] {p >> 16 & 0xff, p >> 8 & 0xff, p & 0xff};
    }

    private String reasonOf(ImageDecoder d, byte[] bytes, String ext) {
        return assertThrows(ImageDecodeException.class, () -> d.decode(sample(ext, bytes)))
                .reason();
    }

    /** A PNG made of a signature and an IHDR chunk only: the header of a w x h RGB image. */
    private static byte[] pngHeader(int w, int h) {
        ByteBuffer ihdr = ByteBuffer.allocate(17)
                .put("IHDR".getBytes(StandardCharsets.US_ASCII))
                .putInt(w)
                .putInt(h)
                .put((byte) 8)
                .put((byte) 2)
                .put((byte) 0)
                .put((byte) 0)
                .put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        ByteBuffer png = ByteBuffer.allocate(8 + 4 + 17 + 4);
        png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})
                .putInt(13)
                .put(ihdr.array())
                .putInt((int) crc.getValue());
        return png.array();
    }

    @Test
    void pngHeaderClaiming10000x10000_isRefusedBeforeDecoding() throws Exception {
        byte[] bomb = pngHeader(10_000, 10_000);
        assertEquals("too_many_pixels", reasonOf(decoder, bomb, "png"));
        assertEquals(new Dimension(10_000, 10_000), decoder.size(sample("png", bomb)), "size() reads the header only");
    }

    @Test
    void pixelLimit_isConfigurable() throws Exception {
        byte[] png = TestFiles.image("png", 100, 100, Color.CYAN); // 10,000 pixels
        assertEquals(
                "too_many_pixels",
                reasonOf(ImageDecoder.builder().optMaxPixels(9_999).build(), png, "png"));
        assertEquals(
                100,
                ImageDecoder.builder()
                        .optMaxPixels(10_000)
                        .build()
                        .decode(sample("png", png))
                        .getWidth());
    }

    @Test
    void jpeg_decodesToIntRgb() throws Exception {
        DecodedImage d = decoder.read(sample("jpg", TestFiles.image("jpg", 32, 16, Color.RED)));
        assertEquals("jpeg", d.format());
        assertEquals(BufferedImage.TYPE_INT_RGB, d.image().getType());
        assertEquals(32, d.image().getWidth());
        int[] top = rgb(d.image(), 16, 2);
        assertTrue(top[0] > 240 && top[1] < 15 && top[2] < 15, Arrays.toString(top));
    }

    @Test
    void formatComesFromTheContentNotTheExtension() throws Exception {
        assertEquals(
                "png",
                decoder.read(sample("jpg", TestFiles.image("png", 4, 4, Color.RED)))
                        .format());
    }

    @Test
    void adobeCmykJpeg_decodesToRgb() throws Exception {
        // Photoshop-style CMYK JPEG: inverted samples (255 = no ink) and an Adobe APP14 marker with transform 0.
        WritableRaster ras = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 16, 16, 4, null);
        int[] redInk = {255 - 0, 255 - 255, 255 - 255, 255 - 0}; // C=0 M=100% Y=100% K=0
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                ras.setPixel(x, y, redInk);
            }
        }
        ImageWriter w = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        try (ImageOutputStream os = ImageIO.createImageOutputStream(raw)) {
            w.setOutput(os);
            w.write(null, new IIOImage(ras, null, null), null);
        }
        byte[] b = raw.toByteArray();
        byte[] app14 = {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0};
        ByteArrayOutputStream jpg = new ByteArrayOutputStream();
        jpg.write(b, 0, 2);
        jpg.writeBytes(app14);
        jpg.write(b, 2, b.length - 2);
        int[] p = rgb(decoder.decode(sample("jpg", jpg.toByteArray())), 8, 8);
        assertTrue(p[0] > 200 && p[1] < 60 && p[2] < 60, "CMYK red ink should look red: " + Arrays.toString(p));
    }

    @Test
    void sixteenBitGreyPng_isScaledTo8Bits() throws Exception {
        BufferedImage g16 = new BufferedImage(4, 4, BufferedImage.TYPE_USHORT_GRAY);
        g16.getRaster().setSample(1, 1, 0, 32896); // 128 * 257
        g16.getRaster().setSample(2, 2, 0, 65535);
        byte[] png = TestFiles.encode(g16, "png");
        assertEquals(16, png[24], "IHDR bit depth");
        BufferedImage out = decoder.decode(sample("png", png));
        assertEquals(BufferedImage.TYPE_INT_RGB, out.getType());
        assertEquals(Arrays.toString(new int[] {128, 128, 128}), Arrays.toString(rgb(out, 1, 1)));
        assertEquals(Arrays.toString(new int[] {255, 255, 255}), Arrays.toString(rgb(out, 2, 2)));
        assertEquals(Arrays.toString(new int[] {0, 0, 0}), Arrays.toString(rgb(out, 0, 0)));
    }

    @Test
    void sixteenBitRgbaPng_isCompositedOnWhite() throws Exception {
        ComponentColorModel cm = new ComponentColorModel(
                ColorSpace.getInstance(ColorSpace.CS_sRGB),
                true,
                false,
                Transparency.TRANSLUCENT,
                DataBuffer.TYPE_USHORT);
        WritableRaster r = cm.createCompatibleWritableRaster(2, 1);
        r.setPixel(0, 0, new int[] {65535, 0, 0, 32896}); // red at alpha 128/255
        r.setPixel(1, 0, new int[] {0, 0, 65535, 65535}); // opaque blue
        byte[] png = TestFiles.encode(new BufferedImage(cm, r, false, null), "png");
        assertEquals(16, png[24], "IHDR bit depth");
        BufferedImage out = decoder.decode(sample("png", png));
        // over white: c * a/255 + 255 * (1 - a/255) with a = 128: 255 -> 255, 0 -> 127
        assertEquals(Arrays.toString(new int[] {255, 127, 127}), Arrays.toString(rgb(out, 0, 0)));
        assertEquals(Arrays.toString(new int[] {0, 0, 255}), Arrays.toString(rgb(out, 1, 0)));
    }

    @Test
    void eightBitGreyPng_keepsStoredValues() throws Exception {
        BufferedImage g8 = new BufferedImage(2, 2, BufferedImage.TYPE_BYTE_GRAY);
        g8.getRaster().setSample(0, 0, 0, 100);
        BufferedImage out = decoder.decode(sample("png", TestFiles.encode(g8, "png")));
        assertEquals(Arrays.toString(new int[] {100, 100, 100}), Arrays.toString(rgb(out, 0, 0)));
    }

    @Test
    void paletteTransparency_becomesWhite() throws Exception {
        IndexColorModel icm =
                new IndexColorModel(8, 2, new byte[] {0, 0}, new byte[] {0, 0}, new byte[] {(byte) 255, 0}, 1);
        BufferedImage pal = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_INDEXED, icm);
        pal.getRaster().setSample(0, 0, 0, 0);
        pal.getRaster().setSample(1, 0, 0, 1);
        BufferedImage out = decoder.decode(sample("png", TestFiles.encode(pal, "png")));
        assertEquals(Arrays.toString(new int[] {0, 0, 255}), Arrays.toString(rgb(out, 0, 0)));
        assertEquals(Arrays.toString(new int[] {255, 255, 255}), Arrays.toString(rgb(out, 1, 0)));
    }

    @Test
    void losslessWebp_decodesToTheEncodedPixels() throws Exception {
        // channels a, r, g, b: red alternates 0/255 by column, green 10/200 by row, blue 40, opaque
        int[][] values = {{255}, {0, 255}, {10, 200}, {40}};
        int[][][] pick = new int[2][4][];
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 4; x++) {
                pick[y][x] = new int[] {0, x % 2, y, 0};
            }
        }
        DecodedImage d = decoder.read(sample("webp", WebpLossless.encode(4, 2, values, pick)));
        assertEquals("webp", d.format());
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 4; x++) {
                int[] want = {x % 2 == 0 ? 0 : 255, y == 0 ? 10 : 200, 40};
                assertEquals(Arrays.toString(want), Arrays.toString(rgb(d.image(), x, y)), "pixel " + x + "," + y);
            }
        }
    }

    @Test
    void translucentWebp_isCompositedOnWhite() throws Exception {
        int[][] values = {{128}, {0}, {200}, {40}};
        byte[] webp = WebpLossless.encode(1, 1, values, new int[][][] {{{0, 0, 0, 0}}});
        // c * 128/255 + 255 * 127/255: 0 -> 127, 200 -> 227.4 -> 227, 40 -> 147.1 -> 147
        assertEquals(
                Arrays.toString(new int[] {127, 227, 147}),
                Arrays.toString(rgb(decoder.decode(sample("webp", webp)), 0, 0)));
    }

    @Test
    void truncatedJpeg_isCorrupt() {
        BufferedImage noise = new BufferedImage(128, 128, BufferedImage.TYPE_INT_RGB);
        Random rnd = new Random(3);
        for (int y = 0; y < 128; y++) {
            for (int x = 0; x < 128; x++) {
                noise.setRGB(x, y, rnd.nextInt());
            }
        }
        byte[] jpg = TestFiles.encode(noise, "jpg");
        assertEquals("corrupt_image", reasonOf(decoder, Arrays.copyOf(jpg, jpg.length * 6 / 10), "jpg"));
    }

    @Test
    void flippedPngBytes_areCorrupt() {
        byte[] png = TestFiles.image("png", 64, 64, Color.MAGENTA);
        for (int i = 60; i < 70; i++) {
            png[i] ^= (byte) 0xA5; // inside the image data: the chunk CRC no longer matches
        }
        assertEquals("corrupt_image", reasonOf(decoder, png, "png"));
    }

    @Test
    void jpegMagicFollowedByGarbage_isCorrupt() {
        byte[] garbage = new byte[500];
        new Random(5).nextBytes(garbage);
        garbage[0] = (byte) 0xFF;
        garbage[1] = (byte) 0xD8;
        garbage[2] = (byte) 0xFF;
        assertEquals("corrupt_image", reasonOf(decoder, garbage, "jpg"));
    }

    @Test
    void htmlSavedAsJpg_isUnsupported() {
        ImageDecodeException e = assertThrows(
                ImageDecodeException.class,
                () -> decoder.decode(
                        sample("jpg", "<html><body>404</body></html>".getBytes(StandardCharsets.US_ASCII))));
        assertEquals("unsupported_image", e.reason());
        assertTrue(e.getMessage().contains("test.tar:k1.jpg"), e.getMessage());
        assertEquals(
                new Skipped("k1", "test.tar", "unsupported_image", e.getMessage()),
                e.toSkipped(sample("jpg", new byte[1])));
    }

    @Test
    void zeroByteImage_isEmptyFile() {
        assertEquals("empty_file", reasonOf(decoder, new byte[0], "jpg"));
    }
}
