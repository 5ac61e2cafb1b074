package org.parrotscope.eval;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.parrotscope.data.ImageDecoder;
import org.parrotscope.data.Sample;
import org.parrotscope.data.SkipLog;
import org.parrotscope.data.Skipped;
import org.parrotscope.data.synth.MiniLaion;
import org.parrotscope.edit.SyncStyle;
import org.parrotscope.edit.TextCanvas;

/**
 * Runs the evaluation suites on one model (paper Sec. 5-6): zero-shot classification, image-text retrieval,
 * the Sync score and the typographic probe. Without data every suite uses fresh mini-LAION generated with
 * {@link EvalOptions#seed()}: text-free concept images for zero-shot, retrieval and the probe (a model trained on
 * text-free data meets held-out pairs of the same kind), and the 1-grams of default mini-LAION captions
 * (with printed words and parrot captions, as LAION's caption vocabulary) for the Sync benchmark.
 */
public final class EvalSuite {

    private EvalSuite() {}

    /**
     * Runs the selected suites.
     *
     * @param embedder the model
     * @param opt the options
     * @return the report
     * @throws IOException when data cannot be read or the font is missing
     */
    public static EvalReport run(Embedder embedder, EvalOptions opt) throws IOException {
        int side = embedder.imageSize();
        SkipLog skips = new SkipLog();
        List<LabelledImage> concepts = null;
        if (opt.suites().contains("zeroshot") || opt.suites().contains("typographic")) {
            if (opt.imageFolder() != null) {
                concepts = EvalData.imageFolder(opt.imageFolder(), Math.max(1, opt.zeroShotImages()), skips);
            } else {
                List<Sample> s = opt.data().isEmpty()
                        ? EvalData.miniLaion(opt.seed(), opt.zeroShotImages(), side, 0)
                        : EvalData.shards(opt.data(), opt.zeroShotImages(), skips);
                concepts = EvalData.labelled(s, skips);
            }
        }
        List<String> classes = concepts == null
                ? List.of()
                : opt.imageFolder() != null || !opt.data().isEmpty()
                        ? ZeroShot.classesOf(concepts)
                        : MiniLaion.classes();
        List<String> templates = !opt.templates().isEmpty()
                ? opt.templates()
                : opt.imageFolder() != null ? ZeroShot.DEFAULT_TEMPLATES : ZeroShot.miniLaionTemplates();
        ZeroShotResult zs = null;
        TypographicResult typo = null;
        if (opt.suites().contains("zeroshot")) {
            zs = new ZeroShot(classes, templates).evaluate(embedder, concepts, opt.batch());
        }
        if (opt.suites().contains("typographic")) {
            typo = new TypographicProbe(
                            new ZeroShot(classes, templates),
                            new TextCanvas(TextCanvas.DEFAULT_FONT),
                            opt.seed(),
                            opt.batch())
                    .run(embedder, concepts);
        }
        RetrievalResult ret = null;
        if (opt.suites().contains("retrieval")) {
            List<Sample> s = opt.data().isEmpty()
                    ? EvalData.miniLaion(opt.seed() + 1, opt.retrievalPairs(), side, 0)
                    : EvalData.shards(opt.data(), opt.retrievalPairs(), skips);
            ImageDecoder dec = ImageDecoder.defaults();
            List<BufferedImage> imgs = new ArrayList<>();
            List<String> caps = new ArrayList<>();
            for (Sample x : s) {
                try {
                    imgs.add(dec.decode(x));
                    caps.add(x.caption());
                } catch (IOException e) {
                    skips.add(new Skipped(x.key(), x.source(), "undecodable", e.getMessage()));
                }
            }
            ret = Retrieval.evaluate(embedder, imgs, caps, opt.batch());
        }
        SyncResult sync = null;
        if (opt.suites().contains("sync")) {
            List<Sample> s = opt.data().isEmpty()
                    ? EvalData.miniLaion(
                            opt.seed() + 2, 2000, 32, org.parrotscope.data.synth.SynthConfig.DEFAULT_TEXT_RATE)
                    : EvalData.shards(opt.data(), 20_000, skips);
            List<NGram> vocab = NGram.vocabulary(s.stream().map(Sample::caption).toList(), 1, opt.syncVocabulary());
            sync = new SyncBenchmark(
                            new TextCanvas(TextCanvas.DEFAULT_FONT),
                            List.copyOf(EnumSet.allOf(SyncStyle.class)),
                            opt.batch())
                    .run(embedder, vocab);
        }
        return new EvalReport(zs, ret, sync, typo, skips.countsByReason());
    }
}
