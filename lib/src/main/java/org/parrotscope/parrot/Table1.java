package org.parrotscope.parrot;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The paper's Table 1 for one matching: "Overall correlation statistic between spotted text and captions".
 *
 * @param matching how words were compared
 * @param images Num. of Total Img.
 * @param imagesWithText Num. of Img. w/ Emb. Text (OCR found at least one word)
 * @param imagesWithCoEmbText Num. of Img. w/ Co-Emb. Text (CoTR &gt; 0, parrot captions)
 * @param coEmbRateTotal Co-Emb. Text Rate (in Total): mean CoTR over all images, CoTR = 0 for text-free ones
 *     (this aggregation reproduces the paper's 15.42% / 28.24% ratio, see docs/PAPER.md Step 3); NaN without images
 * @param coEmbRateTextImages the same mean among images with text; NaN when there are none
 * @param imagesWithEmptyCaption images whose caption has no word under this matching (CoTR defined as 0; they
 *     are included in {@code images} and the means)
 */
public record Table1(
        Matching matching,
        long images,
        long imagesWithText,
        long imagesWithCoEmbText,
        double coEmbRateTotal,
        double coEmbRateTextImages,
        long imagesWithEmptyCaption) {

    /** Validates the counts. */
    public Table1 {
        Objects.requireNonNull(matching, "matching");
        if (images < 0
                || imagesWithText < 0
                || imagesWithText > images
                || imagesWithCoEmbText > imagesWithText
                || imagesWithCoEmbText < 0
                || imagesWithEmptyCaption < 0
                || imagesWithEmptyCaption > images) {
            throw new IllegalArgumentException("inconsistent Table 1 counts: " + images + ", " + imagesWithText + ", "
                    + imagesWithCoEmbText + ", " + imagesWithEmptyCaption);
        }
    }

    /** @return share of images with text, NaN without images */
    public double textShare() {
        return images == 0 ? Double.NaN : (double) imagesWithText / images;
    }

    /** @return share of images with parrot captions among all images, NaN without images */
    public double parrotShare() {
        return images == 0 ? Double.NaN : (double) imagesWithCoEmbText / images;
    }

    /** @return share of parrot captions among images with text, NaN without text images */
    public double parrotShareOfTextImages() {
        return imagesWithText == 0 ? Double.NaN : (double) imagesWithCoEmbText / imagesWithText;
    }

    /** The quantities of {@link #compareWithPaper}, in row order. */
    public static final List<String> PAPER_QUANTITIES = List.of(
            "Img. w/ Emb. Text (% of all)",
            "Img. w/ Co-Emb. Text (% of text images)",
            "Co-Emb. Text Rate, in total (%)",
            "Co-Emb. Text Rate, in img. w/ emb. text (%)");

    /**
     * Table 1 rows side by side with the paper's LAION-2B values ({@link PaperNumbers}), in percent as the paper
     * prints them: one column per measured row, then the paper's exact-matching column and its fuzzy-matching
     * rates (NaN where the paper gives no fuzzy value).
     *
     * @param measured column name to a measured Table 1, in column order
     * @return a new table: quantity, one column per measured row, {@code LAION-2B (paper)}, {@code LAION-2B fuzzy
     *     (paper)}
     */
    public static Table compareWithPaper(Map<String, Table1> measured) {
        Table t = Table.create("Table 1 vs LAION-2B", StringColumn.create("quantity", PAPER_QUANTITIES));
        measured.forEach((name, r) -> t.addColumns(DoubleColumn.create(name, new double[] {
            100 * r.textShare(),
            100 * r.parrotShareOfTextImages(),
            100 * r.coEmbRateTotal(),
            100 * r.coEmbRateTextImages()
        })));
        t.addColumns(
                DoubleColumn.create("LAION-2B (paper)", new double[] {
                    100.0 * PaperNumbers.LAION2B_IMAGES_WITH_TEXT / PaperNumbers.LAION2B_IMAGES,
                    100.0 * PaperNumbers.LAION2B_IMAGES_WITH_CO_EMB_TEXT / PaperNumbers.LAION2B_IMAGES_WITH_TEXT,
                    100 * PaperNumbers.LAION2B_CO_EMB_RATE_TOTAL,
                    100 * PaperNumbers.LAION2B_CO_EMB_RATE_TEXT_IMAGES
                }),
                DoubleColumn.create("LAION-2B fuzzy (paper)", new double[] {
                    Double.NaN,
                    Double.NaN,
                    100 * PaperNumbers.LAION2B_FUZZY_CO_EMB_RATE_TOTAL,
                    100 * PaperNumbers.LAION2B_FUZZY_CO_EMB_RATE_TEXT_IMAGES
                }));
        return t;
    }
}
