package org.parrotscope.data.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * What a hard-layout image prints, decided before any pixel (so that captions and statistics can be computed
 * without rendering): the layout, the image size and the text blocks with their lines of words as printed.
 *
 * @param layout the layout
 * @param width image width in pixels
 * @param height image height in pixels
 * @param blocks the text blocks, in reading order; a {@link HardLayout#WATERMARK} has one block, one word,
 *     printed {@code tileRows * tileCols} times
 * @param tileRows watermark tile rows (0 for other layouts)
 * @param tileCols watermark tile columns (0 for other layouts)
 */
record HardPlan(HardLayout layout, int width, int height, List<Block> blocks, int tileRows, int tileCols) {

    /** Share of 640x480 images; LAION's img2dataset output is mostly 256 px, some photos are larger. */
    static final double SHARE_640 = 0.2;

    /** Share of 1280x720 images. */
    static final double SHARE_1280 = 0.1;

    /**
     * One text block.
     *
     * @param lines lines of words as printed (one token each)
     * @param role what the block is: title, subtitle, heading, small, watermark, brand, label, text
     * @param tracking extra space after every letter, in em (0: the font's own spacing)
     */
    record Block(List<List<String>> lines, String role, double tracking) {
        /** Copies the lines. */
        Block {
            lines = lines.stream().map(List::copyOf).toList();
        }

        /** @return the words in reading order */
        List<String> words() {
            List<String> w = new ArrayList<>();
            lines.forEach(w::addAll);
            return w;
        }
    }

    /** Copies the blocks. */
    HardPlan {
        blocks = List.copyOf(blocks);
    }

    /** @return every printed word in reading order, a watermark word once per tile */
    List<String> printed() {
        List<String> w = new ArrayList<>();
        int repeat = layout == HardLayout.WATERMARK ? tileRows * tileCols : 1;
        for (int k = 0; k < repeat; k++) {
            blocks.forEach(b -> w.addAll(b.words()));
        }
        return w;
    }

    /** @return the distinct printed words in reading order: what a caption can spell */
    List<String> distinctWords() {
        List<String> w = new ArrayList<>();
        for (Block b : blocks) {
            for (String s : b.words()) {
                if (!w.contains(s)) {
                    w.add(s);
                }
            }
        }
        return w;
    }

    /**
     * Draws a plan.
     *
     * @param r the text random source
     * @param vocab the vocabulary
     * @param smallSide the side of the square images (the generator's image size)
     * @return the plan
     */
    static HardPlan draw(SplittableRandom r, Vocabulary vocab, int smallSide) {
        double s = r.nextDouble();
        int w = smallSide;
        int h = smallSide;
        if (s < SHARE_1280) {
            w = 1280;
            h = 720;
        } else if (s < SHARE_1280 + SHARE_640) {
            w = 640;
            h = 480;
        }
        HardLayout layout = HardLayout.values()[r.nextInt(HardLayout.values().length)];
        double casing = r.nextDouble();
        List<Block> blocks = new ArrayList<>();
        int rows = 0;
        int cols = 0;
        switch (layout) {
            case TITLE -> {
                int nLines = 2 + r.nextInt(2);
                List<List<String>> lines = new ArrayList<>();
                for (int i = 0; i < nLines; i++) {
                    lines.add(words(r, vocab, 1 + r.nextInt(i == 0 ? 2 : 3), casing));
                }
                if (r.nextDouble() < 0.2) {
                    // a title that ends on "!" as posters do; the truth word keeps it
                    List<String> last = new ArrayList<>(lines.get(nLines - 1));
                    last.set(last.size() - 1, last.get(last.size() - 1) + "!");
                    lines.set(nLines - 1, last);
                }
                blocks.add(new Block(lines, "title", 0));
            }
            case SPACED -> {
                blocks.add(new Block(List.of(words(r, vocab, 1 + r.nextInt(2), 0)), "heading", r.nextDouble(0.3, 0.8)));
                if (r.nextBoolean()) {
                    blocks.add(new Block(List.of(words(r, vocab, 1 + r.nextInt(2), casing)), "subtitle", 0));
                }
            }
            case WATERMARK -> {
                String word = casing(pick(r, vocab, "brand"), casing);
                blocks.add(new Block(List.of(List.of(word)), "watermark", 0));
                rows = w == h ? 2 : 3;
                cols = w == h ? 2 : 3;
            }
            case SMALL_PRINT -> {
                blocks.add(new Block(List.of(words(r, vocab, 1 + r.nextInt(2), casing)), "title", 0));
                blocks.add(new Block(List.of(words(r, vocab, 3 + r.nextInt(3), 0.5)), "small", 0));
            }
            case PRODUCT -> {
                blocks.add(new Block(List.of(List.of(casing(pick(r, vocab, "brand"), casing))), "brand", 0));
                blocks.add(new Block(List.of(words(r, vocab, 1 + r.nextInt(2), 0.5)), "label", 0));
            }
            case TEXTURED -> {
                List<List<String>> lines = new ArrayList<>();
                lines.add(words(r, vocab, 1 + r.nextInt(3), casing));
                if (r.nextDouble() < 0.4) {
                    lines.add(words(r, vocab, 1 + r.nextInt(2), casing));
                }
                blocks.add(new Block(lines, "text", 0));
            }
            default -> throw new IllegalStateException(layout.toString());
        }
        return new HardPlan(layout, w, h, blocks, rows, cols);
    }

    /** Punctuation a caption writer puts around quoted words. */
    private static final String[][] MARKS = {{"\"", "\""}, {"'", "'"}, {"", "!"}, {"", ","}, {"", ":"}, {"(", ")"}};

    /**
     * The printed words as a caption writer re-types them: as printed (40%), in title case (25%), in lower case
     * (20%), or as printed inside punctuation (15%: quotes, brackets, a trailing "!", "," or ":"). Exact matching
     * (Algorithm 1) misses all but the first; the normalised rules exist for the rest.
     *
     * @param r the caption random source
     * @param words the distinct printed words in reading order
     * @return the words to spell
     */
    static List<String> retype(SplittableRandom r, List<String> words) {
        double u = r.nextDouble();
        List<String> out = new ArrayList<>();
        for (String w : words) {
            String lower = w.toLowerCase(Locale.ROOT);
            out.add(
                    u < 0.4 || u >= 0.85
                            ? w
                            : u < 0.65 ? Character.toUpperCase(lower.charAt(0)) + lower.substring(1) : lower);
        }
        if (u >= 0.85 && !out.isEmpty()) {
            String[] mark = MARKS[r.nextInt(MARKS.length)];
            out.set(0, mark[0] + out.get(0));
            out.set(out.size() - 1, out.get(out.size() - 1) + mark[1]);
        }
        return out;
    }

    private static List<String> words(SplittableRandom r, Vocabulary vocab, int n, double casing) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double u = r.nextDouble();
            String section = u < 0.55 ? "common" : u < 0.75 ? "brand" : u < 0.9 ? "class" : "color";
            out.add(casing(pick(r, vocab, section), casing));
        }
        return out;
    }

    private static String pick(SplittableRandom r, Vocabulary vocab, String section) {
        List<String> ws = vocab.section(section);
        return ws.get(r.nextInt(ws.size()));
    }

    /** UPPER below 0.4, Title below 0.7, else as listed; one casing per block, as on a real poster. */
    static String casing(String w, double u) {
        if (u < 0.4) {
            return w.toUpperCase(Locale.ROOT);
        }
        if (u < 0.7) {
            return Character.toUpperCase(w.charAt(0)) + w.substring(1);
        }
        return w;
    }
}
