package org.parrotscope.ocr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class DetResizeTest {

    @Test
    void size_smallImageWithUpscale_growsLongerSideToTarget() {
        // 256 * (640/256) = 640 = 20 * 32
        assertArrayEquals(new int[] {640, 640}, DetResize.size(256, 256, 960, 640));
        // 240x320: ratio 2 -> 480x640, both multiples of 32
        assertArrayEquals(new int[] {480, 640}, DetResize.size(240, 320, 960, 640));
    }

    @Test
    void size_halfwayMultiple_roundsHalfToEvenLikePython() {
        // no scaling; 80/32 = 2.5 -> round-half-even 2 -> 64 (Math.round would give 96); 100/32 = 3.125 -> 96
        assertArrayEquals(new int[] {64, 96}, DetResize.size(80, 100, 960, 0));
        // 112/32 = 3.5 -> 4 -> 128
        assertArrayEquals(new int[] {128, 128}, DetResize.size(112, 112, 960, 0));
    }

    @Test
    void size_largeImage_limitsLongerSide() {
        // 1080x1920, ratio 960/1920 = 0.5 -> 540x960; 540/32 = 16.875 -> 17 -> 544
        assertArrayEquals(new int[] {544, 960}, DetResize.size(1080, 1920, 960, 640));
    }

    @Test
    void size_tinyImage_isAtLeast32() {
        assertArrayEquals(new int[] {32, 32}, DetResize.size(1, 1, 960, 0));
        assertArrayEquals(new int[] {640, 640}, DetResize.size(1, 1, 960, 640));
        // 3x300 upscaled by 640/300: int(6.4) = 6 -> round(0.1875) = 0 -> clamped to 32; 640
        assertArrayEquals(new int[] {32, 640}, DetResize.size(3, 300, 960, 640));
    }
}
