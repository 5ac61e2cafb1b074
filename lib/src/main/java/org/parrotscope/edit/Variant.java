package org.parrotscope.edit;

/**
 * The images scored in the ablation of one sample (paper Table 2 rows), each against the unchanged caption.
 */
public enum Variant {
    /** The image as stored (●). */
    RAW("raw", "●"),
    /** All spotted words inpainted (×). */
    ALL("all", "×"),
    /** The Co-Emb. words inpainted (■). */
    CO("co", "■"),
    /** Another image's word polygons inpainted: the random baseline of All removal. */
    RAND_ALL("rand_all", "×"),
    /** Another image's Co-Emb. polygons inpainted: the random baseline of Co removal. */
    RAND_CO("rand_co", "■");

    private final String label;
    private final String symbol;

    Variant(String label, String symbol) {
        this.label = label;
        this.symbol = symbol;
    }

    /** @return the label in file names and the CSV's {@code s_<label>} column */
    public String label() {
        return label;
    }

    /** @return the paper's marker */
    public String symbol() {
        return symbol;
    }
}
