package org.parrotscope.parrot;

import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The paper's published numbers that notebooks compare with, as printed in "Parrot Captions Teach CLIP to Spot
 * Text" (Lin et al., ECCV 2024; arXiv 2312.14232v3), each constant naming its table. Percentages are stored as
 * fractions. Nothing here is measured by ParrotScope; the tables return new copies.
 */
public final class PaperNumbers {

    /**
     * A value printed as mean ± standard deviation.
     *
     * @param mean the mean
     * @param std the standard deviation
     */
    public record MeanStd(double mean, double std) {
        /** Checks the spread. */
        public MeanStd {
            if (!(std >= 0)) {
                throw new IllegalArgumentException("std must be >= 0: " + std);
            }
        }
    }

    // Table 1: "Overall correlation statistic between spotted text and captions in LAION-2B".

    /** Table 1, Num. of Total Img. of LAION-2B. */
    public static final long LAION2B_IMAGES = 1_985_284_122L;

    /** Table 1, Num. of Img. w/ Emb. Text (54.60% of all images). */
    public static final long LAION2B_IMAGES_WITH_TEXT = 1_083_896_427L;

    /** Table 1, Num. of Img. w/ Co-Emb. Text (parrot captions, CoTR &gt; 0). */
    public static final long LAION2B_IMAGES_WITH_CO_EMB_TEXT = 663_600_432L;

    /** Table 1, Co-Emb. Text Rate (in Total), exact matching: 15.42%. */
    public static final double LAION2B_CO_EMB_RATE_TOTAL = 0.1542;

    /** Table 1, Co-Emb. Text Rate in Img. w/ Emb. Text, exact matching: 28.24%. */
    public static final double LAION2B_CO_EMB_RATE_TEXT_IMAGES = 0.2824;

    /** Table 1, Fuzzy Co-Emb. Text Rate (in Total): 30.46%. */
    public static final double LAION2B_FUZZY_CO_EMB_RATE_TOTAL = 0.3046;

    /** Table 1, Fuzzy Co-Emb. Text Rate in Img. w/ Emb. Text: 55.79%. */
    public static final double LAION2B_FUZZY_CO_EMB_RATE_TEXT_IMAGES = 0.5579;

    // Fig. 3a / the project's pie chart "Overall Statistics in LAION-2B" (distribution.png in the authors' repository).

    /** Pie chart share of LAION-2B images without spotted text: 45.4%. */
    public static final double LAION2B_SPLIT_NO_TEXT = 0.454;

    /** Pie chart share of images with text that shares no word with the caption: 21.2%. */
    public static final double LAION2B_SPLIT_TEXT_NO_OVERLAP = 0.212;

    /** Pie chart share of images with text that the caption parrots: 33.4%. */
    public static final double LAION2B_SPLIT_TEXT_OVERLAP = 0.334;

    // Table 2: mean CLIP score (OpenAI ViT-B/32) of different setups of text removal.

    /** Table 2, raw images without embedded text. */
    public static final MeanStd CLIP_SCORE_RAW_NO_TEXT = new MeanStd(0.3223, 0.0078);

    /** Table 2, raw images with embedded text. */
    public static final MeanStd CLIP_SCORE_RAW_WITH_TEXT = new MeanStd(0.3358, 0.0094);

    /** Table 2, the same images with random areas inpainted (as large as all their text). */
    public static final MeanStd CLIP_SCORE_RANDOM_ALL_REMOVED = new MeanStd(0.3260, 0.0057);

    /** Table 2, the same images with all spotted text inpainted. */
    public static final MeanStd CLIP_SCORE_ALL_TEXT_REMOVED = new MeanStd(0.2974, 0.0197);

    /** Table 2, random areas as large as the co-emerging text inpainted. */
    public static final MeanStd CLIP_SCORE_RANDOM_CO_EMB_REMOVED = new MeanStd(0.3341, 0.0051);

    /** Table 2, only the co-emerging text inpainted. */
    public static final MeanStd CLIP_SCORE_CO_EMB_TEXT_REMOVED = new MeanStd(0.2993, 0.0146);

    // Table 3: Curation I, ImageNet zero-shot top-1 (column IN) of CLIPs trained on 3M LAION samples.

    /** Table 3, 3M random, RN50, IN. */
    public static final double IN_3M_RN50_RANDOM = 0.204;

    /** Table 3, 3M w/o Emb. Text, RN50, IN. */
    public static final double IN_3M_RN50_NO_TEXT = 0.228;

    /** Table 3, 3M w/ Emb. Text Only, RN50, IN. */
    public static final double IN_3M_RN50_TEXT_ONLY = 0.071;

    /** Table 3, 3M random, ViT-B, IN. */
    public static final double IN_3M_VITB_RANDOM = 0.131;

    /** Table 3, 3M w/o Emb. Text, ViT-B, IN. */
    public static final double IN_3M_VITB_NO_TEXT = 0.162;

    /** Table 3, 3M w/ Emb. Text Only, ViT-B, IN. */
    public static final double IN_3M_VITB_TEXT_ONLY = 0.052;

    // Table 10: Sync score (lower = less text-spotting bias) of the released ViT-B/32 models.

    /** Table 10, Sync score of OpenAI CLIP (trained on WIT-400M). */
    public static final MeanStd SYNC_OPENAI_CLIP = new MeanStd(0.317, 0.030);

    /** Table 10, Sync score of OpenCLIP (trained on LAION-2B). */
    public static final MeanStd SYNC_OPENCLIP_LAION2B = new MeanStd(0.368, 0.042);

    /** Table 10, Sync score of the paper's debiased model (100M LAION subset without text). */
    public static final MeanStd SYNC_DEBIASED = new MeanStd(0.163, 0.065);

    // Table 12 (supplement): Curation I on 3M CC12M subsets, the Sync column (the closest published analogue of our
    // small experiments: Sync of models trained from scratch on subsets with and without embedded text).

    /** Table 12, CC12M 3M random subset, RN50, Sync. */
    public static final double SYNC_CC12M_RN50_RANDOM = 0.186;

    /** Table 12, CC12M 3M w/o Emb. Text, RN50, Sync. */
    public static final double SYNC_CC12M_RN50_NO_TEXT = 0.121;

    /** Table 12, CC12M 3M w/ Emb. Text Only, RN50, Sync. */
    public static final double SYNC_CC12M_RN50_TEXT_ONLY = 0.220;

    /** Table 12, CC12M 3M random subset, ViT-B, Sync. */
    public static final double SYNC_CC12M_VITB_RANDOM = 0.127;

    /** Table 12, CC12M 3M w/o Emb. Text, ViT-B, Sync. */
    public static final double SYNC_CC12M_VITB_NO_TEXT = 0.096;

    /** Table 12, CC12M 3M w/ Emb. Text Only, ViT-B, Sync. */
    public static final double SYNC_CC12M_VITB_TEXT_ONLY = 0.148;

    // Step 1: clustering of OpenAI ViT-B/32 image features (S1 Sec. 4.1, Sec. 11; the authors' kmeans.py, S4).

    /** Step 1, PCA output width of the 512-d image features. */
    public static final int CLUSTER_PCA_COMPONENTS = 256;

    /** Step 1, number of k-means clusters. */
    public static final int CLUSTER_K = 4000;

    /** Fig. 3 caption, "The clusters are merged from 4000 into 100" for the plots. */
    public static final int CLUSTER_MERGED_GROUPS = 100;

    // Step 12, the debiased 100M subset ("a simple fix"), thresholds from the authors' release (S4, S6).

    /** Step 12, the debiased subset keeps CLIP score &gt; 0.3 (OpenAI ViT-B/32 scale, the paper's CLIP score). */
    public static final double DEBIASED_MIN_CLIP_SCORE = 0.3;

    /** Step 12, the debiased subset keeps aesthetic score &gt; 4.5 (the paper's text prints 0.45, a typo). */
    public static final double DEBIASED_MIN_AESTHETIC = 4.5;

    private PaperNumbers() {}

    /** @return Table 1 of LAION-2B: statistic, value (counts, and rates as fractions) */
    public static Table table1() {
        return Table.create(
                "Table 1 (LAION-2B, paper)",
                StringColumn.create(
                        StatsColumns.STATISTIC,
                        List.of(
                                "images",
                                "images_with_text",
                                "images_with_co_emb_text",
                                "co_emb_rate_total",
                                "co_emb_rate_text_images",
                                "fuzzy_co_emb_rate_total",
                                "fuzzy_co_emb_rate_text_images")),
                DoubleColumn.create("value", new double[] {
                    LAION2B_IMAGES,
                    LAION2B_IMAGES_WITH_TEXT,
                    LAION2B_IMAGES_WITH_CO_EMB_TEXT,
                    LAION2B_CO_EMB_RATE_TOTAL,
                    LAION2B_CO_EMB_RATE_TEXT_IMAGES,
                    LAION2B_FUZZY_CO_EMB_RATE_TOTAL,
                    LAION2B_FUZZY_CO_EMB_RATE_TEXT_IMAGES
                }));
    }

    /** @return the pie chart's three-way split of LAION-2B: category (as in {@link StatsTables#split}), share */
    public static Table split() {
        return Table.create(
                "three-way split (LAION-2B, paper)",
                StringColumn.create(
                        StatsColumns.CATEGORY,
                        List.of(StatsColumns.NO_TEXT, StatsColumns.TEXT_NO_OVERLAP, StatsColumns.TEXT_OVERLAP)),
                DoubleColumn.create(StatsColumns.SHARE, new double[] {
                    LAION2B_SPLIT_NO_TEXT, LAION2B_SPLIT_TEXT_NO_OVERLAP, LAION2B_SPLIT_TEXT_OVERLAP
                }));
    }

    /** @return Table 2: setup, clip_score_mean, clip_score_std */
    public static Table table2() {
        List<String> setups = List.of(
                "raw, w/o emb. text",
                "raw, w/ emb. text",
                "random areas removed (as large as all text)",
                "all emb. text removed",
                "random areas removed (as large as co-emb. text)",
                "co-emb. text removed");
        List<MeanStd> v = List.of(
                CLIP_SCORE_RAW_NO_TEXT,
                CLIP_SCORE_RAW_WITH_TEXT,
                CLIP_SCORE_RANDOM_ALL_REMOVED,
                CLIP_SCORE_ALL_TEXT_REMOVED,
                CLIP_SCORE_RANDOM_CO_EMB_REMOVED,
                CLIP_SCORE_CO_EMB_TEXT_REMOVED);
        return meanStdTable("Table 2 (OpenAI ViT-B/32 CLIP score, paper)", "setup", setups, "clip_score", v);
    }

    /** @return Table 3's 3M rows: model, subset, imagenet_top1 */
    public static Table table3ImageNet3M() {
        return Table.create(
                "Table 3 (3M LAION samples, ImageNet zero-shot top-1, paper)",
                StringColumn.create("model", List.of("RN50", "RN50", "RN50", "ViT-B", "ViT-B", "ViT-B")),
                StringColumn.create(
                        "subset",
                        List.of(
                                "Random",
                                "w/o Emb. Text",
                                "w/ Emb. Text Only",
                                "Random",
                                "w/o Emb. Text",
                                "w/ Emb. Text Only")),
                DoubleColumn.create("imagenet_top1", new double[] {
                    IN_3M_RN50_RANDOM,
                    IN_3M_RN50_NO_TEXT,
                    IN_3M_RN50_TEXT_ONLY,
                    IN_3M_VITB_RANDOM,
                    IN_3M_VITB_NO_TEXT,
                    IN_3M_VITB_TEXT_ONLY
                }));
    }

    /** @return Table 10's Sync scores: model, sync_mean, sync_std */
    public static Table table10Sync() {
        return meanStdTable(
                "Table 10 (Sync score, ViT-B/32, paper)",
                "model",
                List.of("OpenAI CLIP (WIT-400M)", "OpenCLIP (LAION-2B)", "debiased (100M LAION, ours in the paper)"),
                "sync",
                List.of(SYNC_OPENAI_CLIP, SYNC_OPENCLIP_LAION2B, SYNC_DEBIASED));
    }

    /**
     * Table 12's Sync column: CLIPs trained on 3M CC12M subsets of Curation I (no spread is printed).
     *
     * @return model, subset, sync
     */
    public static Table table12SyncCc12m() {
        return Table.create(
                "Table 12 (3M CC12M subsets, Curation I, Sync score, paper)",
                StringColumn.create("model", List.of("RN50", "RN50", "RN50", "ViT-B", "ViT-B", "ViT-B")),
                StringColumn.create(
                        "subset",
                        List.of(
                                "Random",
                                "w/o Emb. Text",
                                "w/ Emb. Text Only",
                                "Random",
                                "w/o Emb. Text",
                                "w/ Emb. Text Only")),
                DoubleColumn.create("sync", new double[] {
                    SYNC_CC12M_RN50_RANDOM,
                    SYNC_CC12M_RN50_NO_TEXT,
                    SYNC_CC12M_RN50_TEXT_ONLY,
                    SYNC_CC12M_VITB_RANDOM,
                    SYNC_CC12M_VITB_NO_TEXT,
                    SYNC_CC12M_VITB_TEXT_ONLY
                }));
    }

    private static Table meanStdTable(String name, String label, List<String> rows, String value, List<MeanStd> v) {
        return Table.create(
                name,
                StringColumn.create(label, rows),
                DoubleColumn.create(
                        value + "_mean", v.stream().mapToDouble(MeanStd::mean).toArray()),
                DoubleColumn.create(
                        value + "_std", v.stream().mapToDouble(MeanStd::std).toArray()));
    }
}
