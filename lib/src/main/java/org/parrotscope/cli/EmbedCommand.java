package org.parrotscope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.parrotscope.clip.ClipModel;
import org.parrotscope.clip.ClipScorer;
import org.parrotscope.clip.EmbeddingWriter;
import org.parrotscope.clip.ImageCaptionPairs;
import org.parrotscope.clip.Tokenizers;
import org.parrotscope.data.ImageDecoder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code parrotscope embed}: normalised CLIP embeddings of a small list of image-caption pairs and
 * their full cosine matrix (image i against caption j), for notebooks and spot checks: reads
 * {@link ImageCaptionPairs}, writes with {@link EmbeddingWriter#writePairs}.
 */
@Command(
        name = "embed",
        mixinStandardHelpOptions = true,
        description =
                "Embed image-caption pairs: image_embeds, text_embeds and cosine [n x n] in one safetensors file.")
public final class EmbedCommand implements Callable<Integer> {

    @picocli.CommandLine.Mixin
    DeviceOptions deviceOptions = new DeviceOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--model",
            required = true,
            description = "model folder (config.json, model.safetensors, tokenizer)")
    Path model;

    @Option(
            names = "--pairs",
            required = true,
            description = "JSONL of {\"image\": path relative to this file, \"caption\": text}")
    Path pairs;

    @Option(names = "--out", required = true, description = "output .safetensors file")
    Path out;

    @Option(names = "--vocab", description = "tokenizer vocabulary overriding the model folder's")
    Path vocab;

    @Option(names = "--batch", defaultValue = "32", description = "images per forward pass (default ${DEFAULT-VALUE})")
    int batch;

    @Override
    public Integer call() throws IOException {
        deviceOptions.apply(spec.commandLine().getErr());
        ImageCaptionPairs input = ImageCaptionPairs.read(pairs, ImageDecoder.defaults());
        try (ClipModel m = ClipModel.load(model);
                ClipScorer scorer = ClipScorer.builder()
                        .setModel(m)
                        .setTokenizer(Tokenizers.forModel(model, vocab))
                        .optBatchSize(batch)
                        .build()) {
            float[][] img = scorer.embedImages(input.images());
            float[][] txt = scorer.embedTexts(input.captions());
            EmbeddingWriter.writePairs(out, img, txt, pairs.getFileName().toString());
            PrintWriter con = spec.commandLine().getOut();
            con.printf(
                    Locale.ROOT,
                    "%d pairs embedded (dim %d) -> %s%n",
                    img.length,
                    m.config().embedDim(),
                    out);
            con.flush();
        }
        return 0;
    }
}
