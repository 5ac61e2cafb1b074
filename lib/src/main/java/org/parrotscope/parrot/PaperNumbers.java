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

    // Tables 3-6 (3M subsets) and Fig. 9, as the paper lays them out: one row per subset, the paper's label.

    /** Column names of {@link #subsetTable}: the curation, the paper's row label, then the metrics. */
    public static final String CURATION = "curation";

    /** The paper's row label of a subset (as {@code curate.Criterion#label()}). */
    public static final String SUBSET_LABEL = "subset";

    /**
     * Tables 3 (Curation I), 4 (II), 5 (III, RSA) and 6 (III, RSC), 3M samples: per subset ImageNet zero-shot top-1
     * (IN), retrieval (Ret.) and the 38-task average (Avg.) of RN50 and ViT-B, and Avg. S(●) (OpenAI ViT-B/32 score of
     * the subset, Tables 5-6 only; NaN elsewhere). Row order and labels are the paper's.
     */
    private static final Object[][] SUBSETS_3M = {
        // curation, label, avg_s, rn50 IN, Ret., Avg., vit-b IN, Ret., Avg.
        {"I", "Random", Double.NaN, 0.204, 0.222, 0.256, 0.131, 0.148, 0.210}, // Table 3
        {"I", "w/o Emb. Text", Double.NaN, 0.228, 0.232, 0.282, 0.162, 0.164, 0.234},
        {"I", "w/ Emb. Text Only", Double.NaN, 0.071, 0.139, 0.164, 0.052, 0.111, 0.153},
        {"II", "CoTR = 0.0", Double.NaN, 0.193, 0.229, 0.247, 0.132, 0.164, 0.206}, // Table 4
        {"II", "CoTR >= 0.3", Double.NaN, 0.031, 0.110, 0.137, 0.029, 0.084, 0.130},
        {"II", "CoTR >= 0.5", Double.NaN, 0.021, 0.099, 0.124, 0.021, 0.082, 0.119},
        {"II", "CoTR >= 0.8", Double.NaN, 0.012, 0.082, 0.096, 0.012, 0.076, 0.104},
        {"II", "CoTR = 1.0", Double.NaN, 0.012, 0.074, 0.102, 0.013, 0.076, 0.103},
        {"III-RSA", "RSA < 0.0", 0.319, 0.181, 0.220, 0.239, 0.123, 0.159, 0.198}, // Table 5
        {"III-RSA", "RSA >= 0.0", 0.339, 0.126, 0.180, 0.215, 0.079, 0.129, 0.185},
        {"III-RSA", "RSA >= 0.1", 0.351, 0.041, 0.123, 0.148, 0.031, 0.103, 0.134},
        {"III-RSA", "RSA >= 0.2", 0.360, 0.017, 0.094, 0.109, 0.012, 0.080, 0.103},
        {"III-RSA", "RSA >= 0.3", 0.376, 0.009, 0.075, 0.097, 0.006, 0.070, 0.096},
        {"III-RSC", "RSC < 0.0", 0.326, 0.125, 0.171, 0.209, 0.079, 0.129, 0.174}, // Table 6
        {"III-RSC", "RSC >= 0.0", 0.345, 0.062, 0.129, 0.168, 0.045, 0.119, 0.149},
        {"III-RSC", "RSC >= 0.1", 0.354, 0.014, 0.091, 0.106, 0.018, 0.091, 0.116},
        {"III-RSC", "RSC >= 0.2", 0.364, 0.008, 0.084, 0.104, 0.008, 0.076, 0.106},
        {"III-RSC", "RSC >= 0.3", 0.380, 0.005, 0.058, 0.084, 0.004, 0.059, 0.091},
    };

    /** Metric columns of {@link #subsetTable}. */
    public static final List<String> SUBSET_COLUMNS =
            List.of("avg_s", "rn50_in", "rn50_ret", "rn50_avg", "vitb_in", "vitb_ret", "vitb_avg");

    /**
     * Fig. 9 (digitised from the figure, good to about 0.003): each model's mean CLIP score on the held-out 2M LAION
     * set, on the pairs without text, on the parrot-dominated pairs with text, and on those after All-Emb. and
     * Co-Emb. removal. The first row is OpenAI's CLIP; the others were trained on the 3M subsets.
     */
    private static final Object[][] FIG9 = {
        {"CLIP baseline", 0.320, 0.365, 0.242, 0.248},
        {"CoTR = 0.0", 0.303, 0.186, 0.148, 0.161},
        {"CoTR >= 0.3", 0.237, 0.415, 0.152, 0.157},
        {"CoTR >= 0.5", 0.215, 0.420, 0.150, 0.149},
        {"CoTR >= 0.8", 0.194, 0.401, 0.146, 0.138},
        {"CoTR = 1.0", 0.172, 0.375, 0.126, 0.120},
        {"RSA < 0.0", 0.303, 0.200, 0.152, 0.165},
        {"RSA >= 0.0", 0.283, 0.298, 0.146, 0.161},
        {"RSA >= 0.1", 0.262, 0.408, 0.157, 0.164},
        {"RSA >= 0.2", 0.244, 0.442, 0.165, 0.162},
        {"RSA >= 0.3", 0.226, 0.447, 0.174, 0.163},
        {"RSC < 0.0", 0.292, 0.213, 0.152, 0.168},
        {"RSC >= 0.0", 0.266, 0.366, 0.157, 0.165},
        {"RSC >= 0.1", 0.246, 0.435, 0.167, 0.164},
        {"RSC >= 0.2", 0.238, 0.459, 0.181, 0.168},
        {"RSC >= 0.3", 0.221, 0.456, 0.195, 0.169},
    };

    /** Columns of {@link #fig9()}. */
    public static final List<String> FIG9_COLUMNS = List.of("without_text", "with_text", "all_removed", "co_removed");

    /**
     * Table 10: Sync score (mean, std), ImageNet, retrieval and 38-task average of the released ViT-B/32 models and
     * the paper's debiased one. The DataComp columns are DataComp's no-filtering baselines.
     */
    private static final Object[][] TABLE10 = {
        {"debiased (100M LAION, the paper's)", 0.163, 0.0659, 0.526, 0.421, 0.443},
        {"CLIP (400M WIT)", 0.317, 0.0305, 0.633, 0.501, 0.525},
        {"OpenCLIP (2B LAION)", 0.368, 0.0427, 0.666, 0.560, 0.565},
        {"DataComp medium (128M)", 0.268, 0.0247, 0.176, 0.219, 0.258},
        {"DataComp large (1.28B)", 0.338, 0.0341, 0.459, 0.419, 0.437},
    };

    /**
     * Table 12 (CC12M, 3M subsets, Curation I): IN, Ret., Avg. and Sync score of RN50 and ViT-B, the paper's only
     * Sync scores of curated-subset models.
     */
    private static final Object[][] TABLE12 = {
        {"Random", 0.205, 0.253, 0.229, 0.186, 0.142, 0.193, 0.206, 0.127},
        {"w/o Emb. Text", 0.206, 0.248, 0.231, 0.121, 0.151, 0.190, 0.214, 0.096},
        {"w/ Emb. Text Only", 0.161, 0.232, 0.210, 0.220, 0.113, 0.165, 0.196, 0.148},
    };

    /**
     * Tables 3-6 at 3M samples in the paper's row order: curation, subset (the paper's label), {@link
     * #SUBSET_COLUMNS}.
     *
     * @return a new table
     */
    public static Table subsetTable() {
        Table t = Table.create(
                "Tables 3-6 (3M LAION subsets, paper)",
                StringColumn.create(CURATION),
                StringColumn.create(SUBSET_LABEL));
        SUBSET_COLUMNS.forEach(c -> t.addColumns(DoubleColumn.create(c)));
        for (Object[] row : SUBSETS_3M) {
            t.stringColumn(CURATION).append((String) row[0]);
            t.stringColumn(SUBSET_LABEL).append((String) row[1]);
            for (int i = 0; i < SUBSET_COLUMNS.size(); i++) {
                t.doubleColumn(SUBSET_COLUMNS.get(i)).append((double) row[2 + i]);
            }
        }
        return t;
    }

    /** @return Fig. 9 (digitised): subset (the model's training subset), {@link #FIG9_COLUMNS} */
    public static Table fig9() {
        return rows("Fig. 9 (held-out LAION, digitised, paper)", SUBSET_LABEL, FIG9, FIG9_COLUMNS);
    }

    /** @return Table 10 in full: model, sync_mean, sync_std, imagenet, retrieval, avg38 */
    public static Table table10() {
        return rows(
                "Table 10 (ViT-B/32, paper)",
                "model",
                TABLE10,
                List.of("sync_mean", "sync_std", "imagenet", "retrieval", "avg38"));
    }

    /** @return Table 12: subset, rn50_in, rn50_ret, rn50_avg, rn50_sync, vitb_in, vitb_ret, vitb_avg, vitb_sync */
    public static Table table12() {
        return rows(
                "Table 12 (CC12M 3M subsets, paper)",
                SUBSET_LABEL,
                TABLE12,
                List.of(
                        "rn50_in",
                        "rn50_ret",
                        "rn50_avg",
                        "rn50_sync",
                        "vitb_in",
                        "vitb_ret",
                        "vitb_avg",
                        "vitb_sync"));
    }

    private static Table rows(String name, String label, Object[][] data, List<String> columns) {
        Table t = Table.create(name, StringColumn.create(label));
        columns.forEach(c -> t.addColumns(DoubleColumn.create(c)));
        for (Object[] row : data) {
            t.stringColumn(label).append((String) row[0]);
            for (int i = 0; i < columns.size(); i++) {
                t.doubleColumn(columns.get(i)).append((double) row[1 + i]);
            }
        }
        return t;
    }

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
