package org.parrotscope.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parrotscope.ocr.Box;
import org.parrotscope.ocr.SpottedWord;
import org.parrotscope.parrot.CoEmbMatcher;
import org.parrotscope.parrot.ImageText;
import org.parrotscope.parrot.Matching;

class TextRemoverTest {

    private static final TextRemover REMOVER = new TextRemover(InpaintConfig.DEFAULT);

    @Test
    void allRemoval_fillsTheWordWithTheBackground_andLeavesTheRestUntouched() throws Exception {
        BufferedImage img = EditImages.canvas(256, 256);
        SpottedWord w = EditImages.draw(img, "PARROT", 40, 128, 128);
        assertTrue(EditImages.maxDistanceFromBackground(img, w.box()) > 100, "white ink on grey before removal");
        TextRegions t = new TextRegions("k", 256, 256, List.of(w.polygon()), List.of());

        BufferedImage out = REMOVER.remove(img, t, Removal.ALL);

        // Telea fills from the flat grey border, so the word's box is grey again (a few levels of rounding)
        assertTrue(EditImages.maxDistanceFromBackground(out, w.box()) <= 4, "ink removed");
        // outside the box grown by the dilation (and one pixel for the polygon's inclusive edge) nothing changes
        int d = InpaintConfig.DEFAULT.dilation() + 2;
        Box b = w.box();
        for (int y = 0; y < 256; y++) {
            for (int x = 0; x < 256; x++) {
                boolean near = x >= b.x0() - d && x <= b.x1() + d && y >= b.y0() - d && y <= b.y1() + d;
                if (!near) {
                    assertEquals(img.getRGB(x, y), out.getRGB(x, y), "pixel " + x + "," + y + " untouched");
                }
            }
        }
        assertFalse(EditImages.sameInside(img, out, b), "the input image itself is not modified");
    }

    @Test
    void coRemoval_removesOnlyTheWordsTheCaptionRepeats() throws Exception {
        BufferedImage img = EditImages.canvas(320, 240);
        SpottedWord buy = EditImages.draw(img, "BUY", 36, 160, 60);
        SpottedWord coffee = EditImages.draw(img, "COFFEE", 36, 160, 170);
        ImageText it = new ImageText("k", "fresh COFFEE beans", 320, 240, List.of(buy, coffee));
        TextRegions t = TextRegions.of(it, CoEmbMatcher.defaults(), Matching.EXACT);
        assertEquals(List.of(coffee.polygon()), t.co(), "Algorithm 1: only COFFEE co-emerges");

        Map<Variant, BufferedImage> edits = REMOVER.edits(img, t, null, null);

        BufferedImage co = edits.get(Variant.CO);
        assertTrue(EditImages.maxDistanceFromBackground(co, coffee.box()) <= 4, "COFFEE removed");
        assertTrue(EditImages.sameInside(img, co, buy.box()), "BUY kept");
        BufferedImage all = edits.get(Variant.ALL);
        assertTrue(EditImages.maxDistanceFromBackground(all, buy.box()) <= 4, "All removes BUY too");
        assertTrue(EditImages.maxDistanceFromBackground(all, coffee.box()) <= 4, "and COFFEE");
        assertEquals(List.of(Variant.RAW, Variant.ALL, Variant.CO), List.copyOf(edits.keySet()), "no donors given");
    }

    @Test
    void randomBaseline_inpaintsTheDonorsAreaScaledToTheTarget() throws Exception {
        BufferedImage target = EditImages.canvas(200, 100);
        SpottedWord word = EditImages.draw(target, "SALE", 30, 50, 50);
        // the donor is twice the size and its word sits on the target's word when scaled by 1/2
        Box donorBox = new Box(
                2 * word.box().x0(),
                2 * word.box().y0(),
                2 * word.box().x1(),
                2 * word.box().y1());
        TextRegions donor = new TextRegions("d", 400, 200, List.of(donorBox.toQuad()), List.of(donorBox.toQuad()));
        TextRegions t = new TextRegions("t", 200, 100, List.of(word.polygon()), List.of(word.polygon()));

        Map<Variant, BufferedImage> edits = REMOVER.edits(target, t, donor, donor);

        assertTrue(EditImages.maxDistanceFromBackground(edits.get(Variant.RAND_ALL), word.box()) <= 4);
        assertTrue(EditImages.maxDistanceFromBackground(edits.get(Variant.RAND_CO), word.box()) <= 4);
    }

    @Test
    void imageWithoutText_hasOnlyTheRawVariant() {
        BufferedImage img = EditImages.canvas(64, 64);
        TextRegions t = new TextRegions("k", 64, 64, List.of(), List.of());
        assertEquals(Map.of(Variant.RAW, img), REMOVER.edits(img, t, null, null));
    }

    @Test
    void scale_multipliesXAndYByTheSizeRatios() {
        var q = new Box(10, 20, 30, 40).toQuad();
        var s = TextMask.scale(List.of(q), 100, 200, 50, 400).get(0);
        // by hand: x * 50/100, y * 400/200
        assertEquals(new Box(5, 40, 15, 80).toQuad(), s);
    }

    @Test
    void mask_coversTheFilledPolygonGrownByTheDilation() {
        byte[] m = TextMask.build(20, 20, List.of(new Box(5, 5, 10, 10).toQuad()), 2);
        assertEquals(1, m[7 * 20 + 7], "inside");
        assertEquals(1, m[7 * 20 + 3], "2 px left of the polygon: dilated");
        assertEquals(0, m[7 * 20 + 2], "3 px left: outside");
        assertEquals(0, m[0], "corner");
    }
}
