package org.parrotscope.data.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The hard layouts: deterministic, sized like LAION, and with truth that is exactly the printed ink. */
class HardLayoutTest {

    private static final MiniLaion HARD = new MiniLaion(SynthConfig.builder()
            .setSeed(11)
            .setSamples(1000)
            .optHard(true)
            .optFormat("png")
            .build());

    private static BufferedImage decode(MiniLaion.Generated g) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(g.sample().imageBytes()));
    }

    /** The first sample index of each layout (text images only), found from the plans alone. */
    private static Map<HardLayout, Long> firstOfEachLayout() {
        Map<HardLayout, Long> first = new EnumMap<>(HardLayout.class);
        for (long i = 0; first.size() < HardLayout.values().length; i++) {
            MiniLaion.Generated g = HARD.generate(i);
            String id = MiniLaion.layoutOf(g.sample().metadata());
            if (!"none".equals(id)) {
                first.putIfAbsent(HardLayout.ofId(id), i);
            }
        }
        return first;
    }

    @Test
    void generate_sameSeed_byteIdenticalSamplesAndTruth() {
        MiniLaion again = new MiniLaion(HARD.config());
        for (long i = 0; i < 6; i++) {
            MiniLaion.Generated a = HARD.generate(i);
            MiniLaion.Generated b = again.generate(i);
            assertArrayEquals(a.sample().imageBytes(), b.sample().imageBytes(), "image of sample " + i);
            assertEquals(a.truth(), b.truth());
            assertEquals(a.sample().caption(), b.sample().caption());
        }
    }

    @Test
    void plan_sizes_mostly256SomeLaionPhotoSizes() {
        Vocabulary v = Vocabulary.builtIn();
        SplittableRandom r = new SplittableRandom(3);
        int n = 4000;
        int small = 0, vga = 0, hd = 0;
        for (int i = 0; i < n; i++) {
            HardPlan p = HardPlan.draw(r, v, 256);
            if (p.width() == 256 && p.height() == 256) {
                small++;
            } else if (p.width() == 640 && p.height() == 480) {
                vga++;
            } else {
                assertEquals(List.of(1280, 720), List.of(p.width(), p.height()));
                hd++;
            }
        }
        // binomial standard deviation at n = 4000 is under 0.008; 0.03 is about four of them
        assertEquals(0.7, (double) small / n, 0.03);
        assertEquals(0.2, (double) vga / n, 0.03);
        assertEquals(0.1, (double) hd / n, 0.03);
    }

    /**
     * Every truth box holds ink (the printed image differs from the text-free one inside it), and the two
     * images are identical outside the union of the boxes: nothing printed is missing from the truth.
     */
    @Test
    void truth_everyLayout_boxesHoldAllTheInk() throws IOException {
        for (Map.Entry<HardLayout, Long> e : firstOfEachLayout().entrySet()) {
            long i = e.getValue();
            MiniLaion.Generated g = HARD.generate(i);
            BufferedImage ink = decode(g);
            BufferedImage free = HARD.textFreeImage(i);
            assertEquals(ink.getWidth(), free.getWidth());
            boolean[] inBox = new boolean[ink.getWidth() * ink.getHeight()];
            for (WordBox w : g.truth().words()) {
                long changed = 0;
                for (int y = w.y0(); y < w.y1(); y++) {
                    for (int x = w.x0(); x < w.x1(); x++) {
                        inBox[y * ink.getWidth() + x] = true;
                        changed += ink.getRGB(x, y) != free.getRGB(x, y) ? 1 : 0;
                    }
                }
                assertTrue(changed >= 0.05 * w.area(), e.getKey() + " word " + w + " of sample " + i + " has no ink");
            }
            for (int y = 0; y < ink.getHeight(); y++) {
                for (int x = 0; x < ink.getWidth(); x++) {
                    if (!inBox[y * ink.getWidth() + x]) {
                        assertEquals(
                                free.getRGB(x, y),
                                ink.getRGB(x, y),
                                e.getKey() + " sample " + i + ": ink outside every truth box at " + x + "," + y);
                    }
                }
            }
        }
    }

    /** A tracked heading is recorded as whole words whose boxes span letters separated by blank columns. */
    @Test
    void truth_letterSpacedHeading_recordedAsWords() throws IOException {
        long i = firstOfEachLayout().get(HardLayout.SPACED);
        MiniLaion.Generated g = HARD.generate(i);
        BufferedImage ink = decode(g);
        BufferedImage free = HARD.textFreeImage(i);
        WordBox first = g.truth().words().get(0);
        assertTrue(first.text().length() >= 2, "heading word " + first);
        assertEquals(first.text().toUpperCase(java.util.Locale.ROOT), first.text(), "headings are capitals");
        int runs = 0;
        boolean blank = false;
        for (int x = first.x0(); x < first.x1(); x++) {
            boolean col = true;
            for (int y = first.y0(); y < first.y1(); y++) {
                col &= ink.getRGB(x, y) == free.getRGB(x, y);
            }
            if (col && !blank) {
                runs++;
            }
            blank = col;
        }
        // the letters are separate: at least one blank column run between every two of them
        assertTrue(runs >= first.text().length() - 1, first + ": " + runs + " blank runs");
    }

    @Test
    void truth_watermark_oneWordPerTile() {
        long i = firstOfEachLayout().get(HardLayout.WATERMARK);
        MiniLaion.Generated g = HARD.generate(i);
        List<WordBox> words = g.truth().words();
        int side = g.sample().metadata().get("width").getAsInt();
        assertEquals(side == g.sample().metadata().get("height").getAsInt() ? 4 : 9, words.size());
        assertEquals(1, words.stream().map(WordBox::text).distinct().count(), "one word, tiled: " + words);
        assertEquals(
                words.size(),
                words.stream().map(w -> w.x0() + "," + w.y0()).distinct().count(),
                "tiles apart");
    }

    @Test
    void captions_retypePrintedWords_caseAndPunctuationVary() {
        Set<String> exactOnly = new java.util.HashSet<>();
        int retyped = 0;
        for (long i = 0; i < 150; i++) {
            MiniLaion.Generated g = HARD.generate(i);
            List<String> printed = g.truth().words().stream().map(WordBox::text).toList();
            for (String c : GroundTruthStats.split(g.sample().caption())) {
                for (String p : printed) {
                    String bare = c.replaceAll("^\\p{P}+|\\p{P}+$", "");
                    if (!c.equals(p) && bare.equalsIgnoreCase(p.replaceAll("\\p{P}+$", ""))) {
                        retyped++;
                    } else if (c.equals(p)) {
                        exactOnly.add(c);
                    }
                }
            }
        }
        assertTrue(retyped >= 20, "captions re-type printed words in other case or punctuation: " + retyped);
        assertFalse(exactOnly.isEmpty(), "some captions spell words exactly as printed");
    }
}
