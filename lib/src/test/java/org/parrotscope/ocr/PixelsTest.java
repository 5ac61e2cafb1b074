package org.parrotscope.ocr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class PixelsTest {

    @Test
    void bgr_opaquePixel_isStoredBlueGreenRed() {
        BufferedImage img = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, 0x102030);
        assertArrayEquals(new byte[] {0x30, 0x20, 0x10}, Pixels.bgr(img));
    }

    @Test
    void bgrAndGrey_translucentPixels_areCompositedOverWhite() {
        BufferedImage img = new BufferedImage(2, 1, BufferedImage.TYPE_INT_ARGB);
        img.setRGB(0, 0, 0x00000000); // fully transparent black -> white
        img.setRGB(1, 0, 0x80FF0000); // alpha 128 red: R = 255, G = B = (255 * 127 + 127) / 255 = 127
        assertArrayEquals(new byte[] {(byte) 255, (byte) 255, (byte) 255, 127, 127, (byte) 255}, Pixels.bgr(img));
        // grey: white 255; red luma (299*255 + 500) / 1000 = 76, over white: (76*128 + 255*127 + 127) / 255 = 165
        assertArrayEquals(new byte[] {(byte) 255, (byte) 165}, Pixels.grey(img));
    }
}
