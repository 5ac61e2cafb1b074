package org.parrotscope.edit;

import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import org.parrotscope.clip.ClipScorer;
import org.parrotscope.clip.ShardScorer;
import org.parrotscope.data.ImageDecodeException;
import org.parrotscope.data.Sample;
import org.parrotscope.data.SampleStream;
import org.parrotscope.data.Shard;
import org.parrotscope.data.SkipLog;
import org.parrotscope.data.Skipped;
import org.parrotscope.ocr.OcrJsonl;
import org.parrotscope.ocr.OcrRecord;
import org.parrotscope.parrot.ImageText;
import org.parrotscope.util.AtomicFiles;
import org.parrotscope.util.Progress;

/**
 * The ablation of one shard in two passes: the first reads captions and OCR records only and builds every image's
 * {@link TextRegions} (the donor pool of the random baselines); the second decodes, edits and preprocesses images
 * on the worker pool with a bounded window and scores each sample's variants against its caption, in stored order.
 */
final class ShardAblation {

    /** A sample's preprocessed variants, or why it was skipped. */
    private record Prepared(Map<Variant, float[]> pixels, Skipped skip) {}

    private record Pending(Sample sample, TextRegions regions, Future<Prepared> prepared) {}

    private record Ready(Sample sample, TextRegions regions, Map<Variant, float[]> pixels) {}

    private final AblationConfig config;
    private final ClipScorer scorer;
    private final ExecutorService pool;
    private final TextRemover remover;
    long corruptOcrLines;
    long pairs;
    /** The raw images' embeddings of the shard being run, kept when the configuration writes them. */
    final List<ShardScorer.Scored> embedded = new ArrayList<>();

    ShardAblation(AblationConfig config, ClipScorer scorer, ExecutorService pool) {
        this.config = config;
        this.scorer = scorer;
        this.pool = pool;
        this.remover = new TextRemover(config.inpaint());
    }

    List<AblationRow> run(Shard shard, Path ocrFile, SkipLog skips, Progress progress) throws IOException {
        embedded.clear();
        Map<String, OcrRecord> ocr = readOcr(ocrFile);
        Map<String, TextRegions> regions = regions(shard, ocr, config);
        DonorSampler donors = new DonorSampler(
                regions.values().stream().filter(TextRegions::hasText).toList(), config.seed());
        Path imageDir = config.writeImages() ? config.out().resolve("images").resolve(shard.name()) : null;
        int window = Math.max(scorer.batchSize(), 4 * config.threads());
        Deque<Pending> inFlight = new ArrayDeque<>();
        List<Ready> ready = new ArrayList<>();
        List<AblationRow> rows = new ArrayList<>();
        try (SampleStream stream = shard.open(skips)) {
            for (Sample s : stream) {
                Skipped why = reject(s, ocr.get(s.key()));
                if (why != null) {
                    skips.add(why);
                    progress.advance(1);
                    continue;
                }
                TextRegions t = regions.get(s.key());
                TextRegions dAll = donors.donor(s.key(), Removal.ALL).orElse(null);
                TextRegions dCo = donors.donor(s.key(), Removal.CO).orElse(null);
                inFlight.add(new Pending(s, t, pool.submit(() -> prepare(s, t, dAll, dCo, imageDir))));
                while (inFlight.size() >= window) {
                    take(inFlight.poll(), ready, skips, progress, shard.name(), rows);
                }
            }
        }
        while (!inFlight.isEmpty()) {
            take(inFlight.poll(), ready, skips, progress, shard.name(), rows);
        }
        flush(ready, shard.name(), rows, progress);
        return rows;
    }

    /**
     * The first pass: every usable sample's regions, in stored order (the donor pool of the random baselines).
     *
     * @param shard the shard
     * @param ocr its OCR records by key
     * @param config the matching settings
     * @return regions by key, in stored order
     */
    static Map<String, TextRegions> regions(Shard shard, Map<String, OcrRecord> ocr, AblationConfig config)
            throws IOException {
        Map<String, TextRegions> regions = new LinkedHashMap<>();
        try (SampleStream stream = shard.open(new SkipLog())) { // reader skips are recorded by the second pass
            for (Sample s : stream) {
                OcrRecord r = ocr.get(s.key());
                if (r == null
                        || r.failed()
                        || r.width() < 1
                        || r.height() < 1
                        || s.caption().isBlank()) {
                    continue;
                }
                regions.putIfAbsent(
                        s.key(),
                        TextRegions.of(
                                new ImageText(s.key(), s.caption(), r.width(), r.height(), r.words()),
                                config.matcher(),
                                config.matching()));
            }
        }
        return regions;
    }

    private static Skipped reject(Sample s, OcrRecord r) {
        if (s.caption().isBlank()) {
            return new Skipped(s.key(), s.source(), "missing_caption", "no caption text");
        }
        if (r == null) {
            return new Skipped(s.key(), s.source(), "no_ocr", "no OCR record for this sample");
        }
        if (r.failed() || r.width() < 1 || r.height() < 1) {
            return new Skipped(s.key(), s.source(), "ocr_failed", String.valueOf(r.error()));
        }
        return null;
    }

    private Prepared prepare(Sample s, TextRegions t, TextRegions dAll, TextRegions dCo, Path imageDir) {
        BufferedImage img;
        try {
            img = config.decoder().decode(s);
        } catch (ImageDecodeException e) {
            return new Prepared(null, e.toSkipped(s));
        } catch (RuntimeException e) {
            return new Prepared(null, new Skipped(s.key(), s.source(), "corrupt_image", String.valueOf(e)));
        }
        Map<Variant, BufferedImage> edits = remover.edits(img, t, dAll, dCo);
        Map<Variant, float[]> pixels = new EnumMap<>(Variant.class);
        edits.forEach((v, im) -> pixels.put(v, scorer.preprocess(im)));
        if (imageDir != null) {
            edits.forEach((v, im) -> writePng(imageDir.resolve(safe(s.key()) + "." + v.label() + ".png"), im));
        }
        return new Prepared(pixels, null);
    }

    private void take(
            Pending p, List<Ready> ready, SkipLog skips, Progress progress, String shard, List<AblationRow> rows) {
        Prepared prepared = await(p.prepared());
        if (prepared.skip() != null) {
            skips.add(prepared.skip());
            progress.advance(1);
            return;
        }
        ready.add(new Ready(p.sample(), p.regions(), prepared.pixels()));
        int images = ready.stream().mapToInt(r -> r.pixels().size()).sum();
        if (images >= scorer.batchSize()) {
            flush(ready, shard, rows, progress);
        }
    }

    /** Scores the ready samples: every variant against the sample's caption, one text embedding per sample. */
    private void flush(List<Ready> ready, String shard, List<AblationRow> rows, Progress progress) {
        if (ready.isEmpty()) {
            return;
        }
        List<float[]> pixels = new ArrayList<>();
        for (Ready r : ready) {
            pixels.addAll(r.pixels().values());
        }
        float[][] img = scorer.embedPixels(pixels);
        float[][] txt =
                scorer.embedTexts(ready.stream().map(r -> r.sample().caption()).toList());
        int k = 0;
        for (int i = 0; i < ready.size(); i++) {
            Ready r = ready.get(i);
            Map<Variant, Double> s = new EnumMap<>(Variant.class);
            for (Variant v : r.pixels().keySet()) {
                if (v == Variant.RAW && config.writeEmbeddings()) {
                    embedded.add(new ShardScorer.Scored(r.sample().key(), (float) dot(img[k], txt[i]), img[k], txt[i]));
                }
                s.put(v, dot(img[k++], txt[i]));
            }
            rows.add(new AblationRow(
                    r.sample().key(),
                    shard,
                    r.regions().hasText(),
                    s.get(Variant.RAW),
                    s.getOrDefault(Variant.ALL, Double.NaN),
                    s.getOrDefault(Variant.CO, Double.NaN),
                    s.getOrDefault(Variant.RAND_ALL, Double.NaN),
                    s.getOrDefault(Variant.RAND_CO, Double.NaN)));
        }
        pairs += pixels.size();
        progress.advance(ready.size());
        ready.clear();
    }

    private static double dot(float[] a, float[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            d += (double) a[i] * b[i];
        }
        return (float) d; // the precision of ClipScorer's scores
    }

    Map<String, OcrRecord> readOcr(Path file) throws IOException {
        Map<String, OcrRecord> out = new HashMap<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    OcrRecord rec = OcrJsonl.parseLine(line);
                    out.putIfAbsent(rec.key(), rec);
                } catch (RuntimeException e) {
                    corruptOcrLines++; // a damaged line loses one sample, not the shard
                }
            }
        }
        return out;
    }

    private static void writePng(Path file, BufferedImage img) {
        try {
            AtomicFiles.write(file, o -> {
                if (!ImageIO.write(img, "png", o)) {
                    throw new IOException("no PNG writer");
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** A file-name-safe form of a key (keys may hold slashes). */
    static String safe(String key) {
        return key.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static <T> T await(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while editing images", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof UncheckedIOException u) {
                throw u;
            }
            throw c instanceof RuntimeException r ? r : new IllegalStateException(c);
        }
    }
}
