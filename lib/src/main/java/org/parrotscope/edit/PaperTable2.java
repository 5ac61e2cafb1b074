package org.parrotscope.edit;

import java.util.List;

/**
 * The published Table 2 of Lin et al., "Parrot Captions Teach CLIP to Spot Text" (ECCV 2024, arXiv:2312.14232v3):
 * mean CLIP score (OpenAI ViT-B-32) ± std of LAION-2B images under each text-removal setup, as printed. The paper
 * does not say what the mean and std run over; digitising its Fig. 5 suggests the unweighted mean and std of the
 * per-cluster means over its 100 merged k-means clusters (PAPER.md Step 5, our inference).
 */
public final class PaperTable2 {

    /** Where the numbers come from. */
    public static final String SOURCE =
            "Lin et al., Parrot Captions Teach CLIP to Spot Text, ECCV 2024, Table 2 (OpenAI ViT-B-32, LAION-2B)";

    /**
     * One printed row.
     *
     * @param setup the setup, as in {@link Table2}'s {@code setup} column
     * @param mean the printed mean
     * @param std the printed std
     */
    public record Row(String setup, double mean, double std) {}

    /** The six rows in the paper's order. */
    public static final List<Row> ROWS = List.of(
            new Row(Table2.RAW_WITHOUT_TEXT, 0.3223, 0.0078),
            new Row(Table2.RAW_WITH_TEXT, 0.3358, 0.0094),
            new Row(Table2.RANDOM_ALL, 0.3260, 0.0057),
            new Row(Table2.ALL_REMOVED, 0.2974, 0.0197),
            new Row(Table2.RANDOM_CO, 0.3341, 0.0051),
            new Row(Table2.CO_REMOVED, 0.2993, 0.0146));

    private PaperTable2() {}
}
