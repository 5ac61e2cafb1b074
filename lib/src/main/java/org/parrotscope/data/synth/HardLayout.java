package org.parrotscope.data.synth;

import java.util.Locale;

/**
 * The layouts of the hard mini-LAION ({@code parrotscope synth --hard}): the arrangements of text on real web
 * images that the standard generator's one-or-two short blocks do not have. Each hard image has one layout,
 * written under {@code truth.layout} in its metadata.
 */
public enum HardLayout {
    /** A poster title of two or three lines, one to three words each, sometimes ending on "!". */
    TITLE,
    /** A letter-spaced (tracked) capital heading, sometimes with a normally spaced subtitle. */
    SPACED,
    /** One word tiled over a photo-like scene at 35-55% opacity, like a stock-photo watermark. */
    WATERMARK,
    /** A title with a line of small print (3-5 words, about 11 px high at 256 px). */
    SMALL_PRINT,
    /** A product pack with a brand name and a smaller label line on its label. */
    PRODUCT,
    /** Text straight on a strong texture or clutter, no sign or outline behind it. */
    TEXTURED;

    /** @return the lower-case name used in JSON and tables ({@code small_print}) */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param id a layout id as written in truth
     * @return the layout
     * @throws IllegalArgumentException for an unknown id
     */
    public static HardLayout ofId(String id) {
        for (HardLayout l : values()) {
            if (l.id().equals(id)) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown hard layout '" + id + "'");
    }
}
