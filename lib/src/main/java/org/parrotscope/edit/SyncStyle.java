package org.parrotscope.edit;

import java.awt.Color;

/**
 * The four (background, text) colour pairs of the paper's synthetic benchmark ({@code sys_benchmark.py}:
 * {@code ('white','black'), ('black','white'), ('gray','white'), ('gray','black')}; PIL's gray is RGB 128).
 */
public enum SyncStyle {
    /** Black text on white. */
    WHITE_BLACK(Color.WHITE, Color.BLACK),
    /** White text on black. */
    BLACK_WHITE(Color.BLACK, Color.WHITE),
    /** White text on grey. */
    GREY_WHITE(new Color(128, 128, 128), Color.WHITE),
    /** Black text on grey. */
    GREY_BLACK(new Color(128, 128, 128), Color.BLACK);

    private final Color background;
    private final Color text;

    SyncStyle(Color background, Color text) {
        this.background = background;
        this.text = text;
    }

    /** @return the canvas colour */
    public Color background() {
        return background;
    }

    /** @return the text colour */
    public Color text() {
        return text;
    }

    /** @return the name used in reports, e.g. {@code white/black} (background/text) */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '/');
    }
}
