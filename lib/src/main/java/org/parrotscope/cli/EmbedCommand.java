package org.parrotscope.cli;

import com.google.gson.JsonObject;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.parrotscope.clip.ClipMath;
import org.parrotscope.clip.ClipModel;
import org.parrotscope.clip.ClipScorer;
import org.parrotscope.clip.SafeDType;
import org.parrotscope.clip.SafetensorsWriter;
import org.parrotscope.data.ImageDecoder;
import org.parrotscope.data.Sample;
import org.parrotscope.train.Tokenizers;
import org.parrotscope.util.Json;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code parrotscope embed}: normalised CLIP embeddings of a small list of image-caption pairs and
 * their full cosine matrix (image i against caption j), for notebooks and spot checks. Every
 * image must decode: the output is indexed by input order.
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
        List<BufferedImage> images = new ArrayList<>();
        List<String> captions = new ArrayList<>();
        read(images, captions);
        try (ClipModel m = ClipModel.load(model);
                ClipScorer scorer = ClipScorer.builder()
                        .setModel(m)
                        .setTokenizer(Tokenizers.forModel(
                                model, vocab, m.config().text().contextLength()))
                        .optBatchSize(batch)
                        .build()) {
            float[][] img = scorer.embedImages(images);
            float[][] txt = scorer.embedTexts(captions);
            float[][] cos = ClipMath.cosine(img, txt);
            Map<String, SafetensorsWriter.Tensor> t = new LinkedHashMap<>();
            t.put("image_embeds", tensor(img));
            t.put("text_embeds", tensor(txt));
            t.put("cosine", tensor(cos));
            SafetensorsWriter.write(
                    out, t, SafeDType.F32, Map.of("pairs", pairs.getFileName().toString()));
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

    private void read(List<BufferedImage> images, List<String> captions) throws IOException {
        Path base = pairs.toAbsolutePath().getParent();
        ImageDecoder decoder = ImageDecoder.defaults();
        List<String> lines = Files.readAllLines(pairs, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String where = pairs + ":" + (i + 1);
            JsonObject o;
            try {
                o = Json.parse(line).getAsJsonObject();
            } catch (RuntimeException e) {
                throw new IOException(where + ": not a JSON object: " + e.getMessage(), e);
            }
            if (!o.has("image") || !o.has("caption")) {
                throw new IOException(where + ": needs \"image\" and \"caption\"");
            }
            Path img = base.resolve(o.get("image").getAsString());
            if (!Files.isRegularFile(img)) {
                throw new IOException(where + ": no image file " + img);
            }
            String name = img.getFileName().toString();
            String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
            String caption = o.get("caption").getAsString();
            try {
                images.add(
                        decoder.decode(new Sample(name, caption, ext, Files.readAllBytes(img), null, img.toString())));
            } catch (IOException e) {
                throw new IOException(where + ": cannot decode " + img + ": " + e.getMessage(), e);
            }
            captions.add(caption);
        }
        if (images.isEmpty()) {
            throw new IOException(pairs + ": no pairs");
        }
    }

    private static SafetensorsWriter.Tensor tensor(float[][] rows) {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        float[] flat = new float[rows.length * cols];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * cols, cols);
        }
        return new SafetensorsWriter.Tensor(new long[] {rows.length, cols}, flat);
    }
}
