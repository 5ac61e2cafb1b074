package org.parrotscope.data.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Ground truth agrees with the rendered pixels: the sample is decoded from its encoded bytes and compared with
 * the same sample regenerated without text; the words must be where their boxes say.
 */
class MiniLaionGroundTruthTest {

    private static final int SIZE = 128;

    private static BufferedImage decode(MiniLaion.Generated g) throws Exception {
        return ImageIO.read(new ByteArrayInputStream(g.sample().imageBytes()));
    }

    /** @return true when the two pixels differ by more than {@code tol} in some channel */
    private static boolean differs(int a, int b, int tol) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs(((a >> shift) & 0xff) - ((b >> shift) & 0xff)) > tol) {
                return true;
            }
        }
        return false;
    }

    @Test
    void wordBoxes_areInsideTheImageAndCoverPixelsThatDifferFromTheTextFreeImage() throws Exception {
        assertBoxesCoverInk(new MiniLaion(textImages(1.0)), 60);
    }

    @Test
    void textScale_printsTheSameWordsLargerAndBoxesStillCoverTheInk() throws Exception {
        MiniLaion normal = new MiniLaion(textImages(1.0));
        MiniLaion large = new MiniLaion(textImages(2.0));
        List<Integer> normalHeights = new ArrayList<>();
        List<Integer> largeHeights = new ArrayList<>();
        for (long i = 0; i < 60; i++) {
            MiniLaion.Generated a = normal.generate(i);
            MiniLaion.Generated b = large.generate(i);
            assertEquals(a.sample().caption(), b.sample().caption(), "the scale must not change the captions");
            assertEquals(
                    a.truth().words().stream().map(WordBox::text).toList(),
                    b.truth().words().stream().map(WordBox::text).toList(),
                    "the scale must not change the printed words");
            a.truth().words().forEach(w -> normalHeights.add(w.y1() - w.y0()));
            b.truth().words().forEach(w -> largeHeights.add(w.y1() - w.y0()));
        }
        // an em of 7.5-15% of the side, doubled, shrunk where a line would leave the image (so long words stay as
        // they were): at 128 px the mean word box grows from 13.5 to 18.7 px here; without the factor the ratio is 1
        double ratio = mean(largeHeights) / mean(normalHeights);
        assertTrue(ratio >= 1.25, "mean word box height ratio " + ratio);
        assertBoxesCoverInk(large, 60);
    }

    private static SynthConfig textImages(double textScale) {
        return SynthConfig.builder()
                .setSeed(3)
                .setSamples(60)
                .optImageSize(SIZE)
                .optTextRate(1.0)
                .optTextScale(textScale)
                .build();
    }

    private static double mean(List<Integer> v) {
        return v.stream().mapToInt(Integer::intValue).average().orElseThrow();
    }

    private static void assertBoxesCoverInk(MiniLaion gen, int samples) throws Exception {
        int boxes = 0;
        for (long i = 0; i < samples; i++) {
            MiniLaion.Generated g = gen.generate(i);
            BufferedImage img = decode(g);
            BufferedImage plain = gen.textFreeImage(i);
            assertFalse(g.truth().words().isEmpty(), "text rate 1 must print words");
            for (WordBox w : g.truth().words()) {
                assertTrue(
                        w.x0() >= 0 && w.y0() >= 0 && w.x1() <= SIZE && w.y1() <= SIZE, "box outside the image: " + w);
                long changed = 0;
                for (int y = w.y0(); y < w.y1(); y++) {
                    for (int x = w.x0(); x < w.x1(); x++) {
                        changed += differs(img.getRGB(x, y), plain.getRGB(x, y), 40) ? 1 : 0;
                    }
                }
                // glyph ink covers a good part of a word's box (JPEG noise stays below the 40-level tolerance)
                assertTrue(
                        changed >= 0.1 * w.area(),
                        String.format(
                                Locale.ROOT,
                                "sample %d word %s: only %d of %d pixels changed",
                                i,
                                w,
                                changed,
                                w.area()));
                boxes++;
            }
        }
        assertTrue(boxes >= samples);
    }

    @Test
    void withoutSigns_everyChangedPixelLiesInAWordBoxAndBoxesAreTight() throws Exception {
        // PNG is lossless and no sign is drawn, so text is the only difference from the text-free image
        MiniLaion gen = new MiniLaion(SynthConfig.builder()
                .setSeed(9)
                .setSamples(40)
                .optImageSize(SIZE)
                .optTextRate(1.0)
                .optSignRate(0)
                .optFormat("png")
                .build());
        for (long i = 0; i < 40; i++) {
            MiniLaion.Generated g = gen.generate(i);
            BufferedImage img = decode(g);
            BufferedImage plain = gen.textFreeImage(i);
            List<WordBox> words = g.truth().words();
            int[][] inkBox = new int[words.size()][];
            for (int y = 0; y < SIZE; y++) {
                for (int x = 0; x < SIZE; x++) {
                    if (img.getRGB(x, y) == plain.getRGB(x, y)) {
                        continue;
                    }
                    boolean inside = false;
                    for (int k = 0; k < words.size(); k++) {
                        WordBox w = words.get(k);
                        if (x >= w.x0() && x < w.x1() && y >= w.y0() && y < w.y1()) {
                            inside = true;
                            int[] b = inkBox[k] == null ? (inkBox[k] = new int[] {x, y, x + 1, y + 1}) : inkBox[k];
                            b[0] = Math.min(b[0], x);
                            b[1] = Math.min(b[1], y);
                            b[2] = Math.max(b[2], x + 1);
                            b[3] = Math.max(b[3], y + 1);
                        }
                    }
                    assertTrue(
                            inside,
                            "sample " + i + ": pixel (" + x + "," + y + ") changed outside every word box " + words);
                }
            }
            for (int k = 0; k < words.size(); k++) {
                WordBox w = words.get(k);
                int[] b = inkBox[k];
                assertTrue(b != null, "sample " + i + ": no changed pixel in " + w);
                // the box hugs the ink: at most 2 px slack on each side (anti-aliasing rounds to whole pixels)
                assertTrue(
                        b[0] - w.x0() <= 2 && b[1] - w.y0() <= 2 && w.x1() - b[2] <= 2 && w.y1() - b[3] <= 2,
                        "sample " + i + ": box " + w + " vs ink [" + b[0] + "," + b[1] + "," + b[2] + "," + b[3] + "]");
            }
        }
    }

    @Test
    void textRateZero_printsNoWordsAndWritesNoParrotCaptions() {
        MiniLaion gen = new MiniLaion(SynthConfig.builder()
                .setSeed(1)
                .setSamples(300)
                .optImageSize(48)
                .optTextRate(0)
                .build());
        Set<String> styles = new HashSet<>();
        for (long i = 0; i < 300; i++) {
            MiniLaion.Generated g = gen.generate(i);
            assertEquals(List.of(), g.truth().words());
            assertEquals(List.of(), g.truth().captionWordsInImage());
            styles.add(g.truth().captionStyle());
        }
        assertEquals(Set.of("descriptive", "alt_text"), styles);
    }

    @Test
    void catalogue_hasAtLeast12ClassesAnd300WordsIncludingEveryClassName() {
        assertTrue(MiniLaion.classes().size() >= 12, MiniLaion.classes().toString());
        List<String> vocab = MiniLaion.vocabulary();
        assertTrue(vocab.size() >= 300, "vocabulary has " + vocab.size() + " words");
        assertEquals(vocab.size(), new HashSet<>(vocab).size(), "no duplicate words");
        assertTrue(vocab.containsAll(MiniLaion.classes()), "class names are printable (typographic attacks)");
        for (String w : vocab) {
            assertEquals(1, w.strip().split("\\s+").length, "one token under split(): '" + w + "'");
        }
    }
}
