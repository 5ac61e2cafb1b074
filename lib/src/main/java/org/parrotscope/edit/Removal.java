package org.parrotscope.edit;

import java.util.Locale;

/**
 * Which spotted words a text removal inpaints (paper Step 5, §5.1): every spotted word ("All-Emb.", ×) or only
 * the words that co-emerge in the caption ("Co-Emb.", ■).
 */
public enum Removal {
    /** Every spotted word: All-Emb. text removal. */
    ALL("All-Emb.", "×"),
    /** The spotted words that are Co-Emb. text under the run's matching: Co-Emb. text removal. */
    CO("Co-Emb.", "■");

    private final String paperName;
    private final String symbol;

    Removal(String paperName, String symbol) {
        this.paperName = paperName;
        this.symbol = symbol;
    }

    /** @return the paper's name, {@code All-Emb.} or {@code Co-Emb.} */
    public String paperName() {
        return paperName;
    }

    /** @return the paper's marker in Table 2 and Fig. 5 */
    public String symbol() {
        return symbol;
    }

    /** @return {@code all} or {@code co}, used in file names and CSV columns */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
