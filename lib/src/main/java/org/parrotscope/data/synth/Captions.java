package org.parrotscope.data.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes mini-LAION captions in the four styles of web alt-text the paper discusses (Sec. 4): descriptive
 * (object, colour, scene), parrot (spells the printed words, sometimes with a few more), mixed (a description
 * that also quotes the printed words) and web alt-text noise (file names, SEO strings). Whether a caption word
 * really is printed in the image is not decided here: the generator computes it from the caption and the
 * rendered words, so accidental matches (a printed class name in a descriptive caption) count as they would
 * in LAION.
 */
final class Captions {

    /** Caption styles, as written in ground truth. */
    enum Style {
        DESCRIPTIVE,
        PARROT,
        MIXED,
        ALT_TEXT;

        /** @return the lower-case name used in JSON */
        String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final String[] DESCRIPTIVE = {
        "a {color} {class} {bg}",
        "{Color} {class} icon {bg}",
        "illustration of a {color} {class}",
        "{color} {class} clipart",
        "a simple drawing of a {size} {color} {class} {bg}",
        "cartoon {class} in {color}",
        "vector {color} {class} symbol {bg}",
        "photo of a {size} {color} {class}",
        "{color} {class} graphic {bg}",
        "the {class} is {color}",
    };
    private static final String[] PARROT = {
        "{W}",
        "{W}",
        "{W}",
        "{W} logo",
        "{W} sign",
        "{W} t-shirt design",
        "the word {W}",
        "{W} poster",
        "{W} sticker on {bgc} background",
        "{W} - {color} {class} sticker for sale",
        "{W} | {color} {class} print wall art decor",
    };
    private static final String[] MIXED = {
        "a {color} {class} with the words {W}", "{color} {class} and {W} text {bg}",
                "{W} written next to a {color} {class}",
        "{color} {class} with '{W}' label", "a {class} sign that says {W}",
                "{Color} {class} illustration with {W} lettering {bg}",
    };
    private static final String[] WITH_TEXT = {" with text", " with some writing", " and a label", " with lettering"};
    private static final String[] SEO = {
        "Buy {Color} {Class} Online | Free Shipping", "{class} {color} cheap best price sale",
                "stock photo {color} {class} royalty free image",
        "{Color} {Class} Vector Art, Icons, and Graphics for Free Download", "{class}-{color}-{n}",
                "Top 10 {Class} Ideas for 2024",
    };
    private static final String[] FILES = {
        "IMG_{n}.jpg", "DSC{n}", "image-{n}.png", "photo_{n}.jpeg", "untitled-{n}", "{class}_{color}_{n}.jpg"
    };

    private Captions() {}

    /**
     * Writes a caption.
     *
     * @param r the caption random source
     * @param style the style
     * @param scene the drawn scene
     * @param printed the printed words in reading order (empty for an image without text)
     * @return the caption
     */
    static String write(SplittableRandom r, Style style, Scene scene, List<String> printed) {
        return switch (style) {
            case DESCRIPTIVE ->
                fill(pick(r, DESCRIPTIVE), r, scene, printed)
                        + (!printed.isEmpty() && r.nextDouble() < 0.3 ? pick(r, WITH_TEXT) : "");
            case PARROT -> fill(pick(r, PARROT), r, scene, parroted(r, printed));
            case MIXED -> fill(pick(r, MIXED), r, scene, parroted(r, printed));
            case ALT_TEXT -> fill(r.nextDouble() < 0.55 ? pick(r, FILES) : pick(r, SEO), r, scene, printed);
        };
    }

    /**
     * The printed words a parrot or mixed caption spells: usually all of them as printed, sometimes only a part,
     * and sometimes re-typed in lower case or with punctuation, which exact matching then misses (as Algorithm 1
     * misses them on LAION; the paper's fuzzy rate is about twice the exact one).
     */
    private static List<String> parroted(SplittableRandom r, List<String> printed) {
        List<String> w = new ArrayList<>(printed);
        if (w.size() > 1 && r.nextDouble() < 0.3) {
            int from = r.nextInt(w.size());
            int to = from + 1 + r.nextInt(w.size() - from);
            w = new ArrayList<>(w.subList(from, to));
        }
        double u = r.nextDouble();
        if (u < 0.1) {
            w.replaceAll(s -> s.toLowerCase(Locale.ROOT));
        } else if (u < 0.16) {
            w.set(w.size() - 1, w.get(w.size() - 1) + "!");
        }
        return w;
    }

    private static String pick(SplittableRandom r, String[] templates) {
        return templates[r.nextInt(templates.length)];
    }

    private static String fill(String t, SplittableRandom r, Scene s, List<String> words) {
        String bgc = s.background().colorName();
        String bg = switch (s.background().kind()) {
            case "plain" -> r.nextBoolean() ? "on a " + bgc + " background" : "isolated on " + bgc;
            case "gradient" -> r.nextBoolean() ? "on a gradient background" : "with a " + bgc + " gradient";
            case "texture" -> r.nextBoolean() ? "on a patterned background" : "on " + bgc + " texture";
            default -> r.nextBoolean() ? "in a busy scene" : "on a cluttered background";
        };
        return t.replace("{W}", String.join(" ", words))
                .replace("{color}", s.color().name())
                .replace("{Color}", capital(s.color().name()))
                .replace("{class}", s.className())
                .replace("{Class}", capital(s.className()))
                .replace("{bgc}", bgc)
                .replace("{bg}", bg)
                .replace("{size}", s.large() ? "large" : "small")
                .replace("{n}", Integer.toString(1000 + r.nextInt(9000)));
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
