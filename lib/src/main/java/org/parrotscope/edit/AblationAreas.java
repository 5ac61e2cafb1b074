package org.parrotscope.edit;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.parrotscope.data.ImageDecodeException;
import org.parrotscope.data.Sample;
import org.parrotscope.data.SampleStream;
import org.parrotscope.data.Shard;
import org.parrotscope.data.SkipLog;
import org.parrotscope.ocr.OcrRecord;
import org.parrotscope.ocr.Quad;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * How much of each image the ablation's removals and their random baselines edit: the masked area of the target's
 * own words against the donor's words scaled onto it, and how much the inpainting changed the pixels. The random
 * baseline is a fair control only if it edits about as much as the text removal; this measures whether it does,
 * with the run's own donors (the same {@link DonorSampler} draw as {@link AblationRun}), without scoring.
 */
public final class AblationAreas {

    private AblationAreas() {}

    /**
     * One image's edit sizes under one removal.
     *
     * @param key the sample key
     * @param shard the shard name
     * @param removal All or Co
     * @param targetArea the share of the image's pixels in the inpainting mask of its own words (after dilation)
     * @param donorArea the same for the donor's words scaled onto it (the random baseline)
     * @param targetChange mean absolute change of the RGB values over the whole image, 0-255, text removed
     * @param donorChange the same for the random baseline
     */
    public record Row(
            String key,
            String shard,
            Removal removal,
            double targetArea,
            double donorArea,
            double targetChange,
            double donorChange) {}

    /**
     * Measures every image with text that has a donor, shard by shard.
     *
     * @param shards the shards (a shard without an OCR file in {@code config.ocrDir()} is skipped)
     * @param config the ablation's settings: OCR folder, matching, inpainting, donor seed, decoder
     * @return one row per image and removal, in stored order; undecodable images are left out
     * @throws IOException when a shard or OCR file cannot be read
     */
    public static List<Row> measure(List<Shard> shards, AblationConfig config) throws IOException {
        List<Row> out = new ArrayList<>();
        TextRemover remover = new TextRemover(config.inpaint());
        ShardAblation reader = new ShardAblation(config, null, null);
        for (Shard shard : shards) {
            Path ocrFile = config.ocrDir().resolve(shard.name() + ".jsonl");
            if (!Files.isRegularFile(ocrFile)) {
                continue;
            }
            Map<String, OcrRecord> ocr = reader.readOcr(ocrFile);
            Map<String, TextRegions> regions = ShardAblation.regions(shard, ocr, config);
            DonorSampler donors = new DonorSampler(
                    regions.values().stream().filter(TextRegions::hasText).toList(), config.seed());
            try (SampleStream stream = shard.open(new SkipLog())) {
                for (Sample s : stream) {
                    TextRegions t = regions.get(s.key());
                    if (t == null || !t.hasText()) {
                        continue;
                    }
                    BufferedImage img;
                    try {
                        img = config.decoder().decode(s);
                    } catch (ImageDecodeException | RuntimeException e) {
                        continue;
                    }
                    for (Removal r : Removal.values()) {
                        if (t.polygons(r).isEmpty()) {
                            continue;
                        }
                        TextRegions d = donors.donor(s.key(), r).orElse(null);
                        if (d != null) {
                            out.add(row(s.key(), shard.name(), r, img, t, d, remover));
                        }
                    }
                }
            }
        }
        return out;
    }

    private static Row row(
            String key, String shard, Removal r, BufferedImage img, TextRegions t, TextRegions d, TextRemover remover) {
        int w = img.getWidth();
        int h = img.getHeight();
        int dilation = remover.inpainter().config().dilation();
        return new Row(
                key,
                shard,
                r,
                area(w, h, t.polygons(r, w, h), dilation),
                area(w, h, d.polygons(r, w, h), dilation),
                meanAbsoluteChange(img, remover.remove(img, t, r)),
                meanAbsoluteChange(img, remover.removeDonorArea(img, d, r)));
    }

    /**
     * Whether the text-removal gap is explained by how much each edit changes: per removal, the mean sizes of both
     * edits, the mean gap S(random) − S(removed) of the same images, and that gap extrapolated to equal edits by an
     * ordinary least-squares fit of the per-image gap on the difference (text − donor) of masked area, and
     * separately of pixel change (the intercept, with its standard error). A gap that vanishes at equal edits was
     * the size of the edit, not the text.
     *
     * @param areas rows of {@link #measure}
     * @param rows the same run's scores
     * @return columns removal, n, text_area, donor_area, text_change, donor_change, gap, gap_equal_area,
     *     gap_equal_area_se, gap_equal_change, gap_equal_change_se; a removal without images has no row
     */
    public static Table summary(List<Row> areas, List<AblationRow> rows) {
        Map<String, AblationRow> byKey = new HashMap<>();
        rows.forEach(r -> byKey.putIfAbsent(r.shard() + "/" + r.key(), r));
        Table t = Table.create("edit sizes of text removal vs random areas", StringColumn.create("removal"));
        t.addColumns(IntColumn.create("n"));
        for (String c : List.of(
                "text_area",
                "donor_area",
                "text_change",
                "donor_change",
                "gap",
                "gap_equal_area",
                "gap_equal_area_se",
                "gap_equal_change",
                "gap_equal_change_se")) {
            t.addColumns(DoubleColumn.create(c));
        }
        for (Removal r : Removal.values()) {
            List<double[]> v = new ArrayList<>(); // text area, donor area, text change, donor change, gap
            for (Row a : areas) {
                AblationRow s = byKey.get(a.shard() + "/" + a.key());
                if (a.removal() != r || s == null) {
                    continue;
                }
                double gap = r == Removal.ALL ? s.sRandAll() - s.sAll() : s.sRandCo() - s.sCo();
                if (!Double.isNaN(gap)) {
                    v.add(new double[] {a.targetArea(), a.donorArea(), a.targetChange(), a.donorChange(), gap});
                }
            }
            if (v.isEmpty()) {
                continue;
            }
            double[] y = v.stream().mapToDouble(x -> x[4]).toArray();
            double[] area = intercept(v.stream().mapToDouble(x -> x[0] - x[1]).toArray(), y);
            double[] change = intercept(v.stream().mapToDouble(x -> x[2] - x[3]).toArray(), y);
            t.stringColumn("removal").append(r.paperName());
            t.intColumn("n").append(v.size());
            for (int i = 0; i < 5; i++) {
                final int c = i;
                t.doubleColumn(2 + i)
                        .append(v.stream().mapToDouble(x -> x[c]).average().orElse(Double.NaN));
            }
            t.doubleColumn("gap_equal_area").append(area[0]);
            t.doubleColumn("gap_equal_area_se").append(area[1]);
            t.doubleColumn("gap_equal_change").append(change[0]);
            t.doubleColumn("gap_equal_change_se").append(change[1]);
        }
        return t;
    }

    /**
     * One sentence per row of a {@link #summary} table, with its numbers.
     *
     * @param summary the table (not modified)
     * @return the sentences, in row order
     */
    public static List<String> describe(Table summary) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < summary.rowCount(); i++) {
            out.add(String.format(
                    java.util.Locale.ROOT,
                    "%s (%d images): masked area %.4f of the image for the text vs %.4f for the donor; mean pixel"
                            + " change %.2f vs %.2f (0-255); gap S(random) - S(removed) %.4f, at equal area %.4f"
                            + " ± %.4f, at equal pixel change %.4f ± %.4f",
                    summary.stringColumn("removal").get(i),
                    summary.intColumn("n").getInt(i),
                    summary.doubleColumn("text_area").getDouble(i),
                    summary.doubleColumn("donor_area").getDouble(i),
                    summary.doubleColumn("text_change").getDouble(i),
                    summary.doubleColumn("donor_change").getDouble(i),
                    summary.doubleColumn("gap").getDouble(i),
                    summary.doubleColumn("gap_equal_area").getDouble(i),
                    summary.doubleColumn("gap_equal_area_se").getDouble(i),
                    summary.doubleColumn("gap_equal_change").getDouble(i),
                    summary.doubleColumn("gap_equal_change_se").getDouble(i)));
        }
        return out;
    }

    /**
     * Ordinary least squares of y on x with an intercept.
     *
     * @param x the regressor
     * @param y the response
     * @return the intercept (y at x = 0) and its standard error (NaN with fewer than 3 points or constant x)
     */
    static double[] intercept(double[] x, double[] y) {
        int n = x.length;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i] / n;
            my += y[i] / n;
        }
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            sxx += (x[i] - mx) * (x[i] - mx);
            sxy += (x[i] - mx) * (y[i] - my);
        }
        if (n < 3 || sxx == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double slope = sxy / sxx;
        double a = my - slope * mx;
        double rss = 0;
        for (int i = 0; i < n; i++) {
            double e = y[i] - a - slope * x[i];
            rss += e * e;
        }
        double s2 = rss / (n - 2);
        return new double[] {a, Math.sqrt(s2 * (1.0 / n + mx * mx / sxx))};
    }

    /**
     * The share of an image's pixels inside a dilated polygon mask.
     *
     * @param width image width
     * @param height image height
     * @param polygons the quads
     * @param dilation the mask dilation in pixels
     * @return masked pixels / all pixels
     */
    public static double area(int width, int height, List<Quad> polygons, int dilation) {
        byte[] m = TextMask.build(width, height, polygons, dilation);
        long on = 0;
        for (byte b : m) {
            on += b;
        }
        return (double) on / m.length;
    }

    /**
     * Mean absolute difference of two equally sized images over all pixels and the R, G, B channels.
     *
     * @param a an image
     * @param b another of the same size
     * @return the mean, 0-255
     */
    public static double meanAbsoluteChange(BufferedImage a, BufferedImage b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            throw new IllegalArgumentException("images differ in size");
        }
        long sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    sum += Math.abs(((p >> shift) & 0xff) - ((q >> shift) & 0xff));
                }
            }
        }
        return sum / (3.0 * a.getWidth() * a.getHeight());
    }
}
