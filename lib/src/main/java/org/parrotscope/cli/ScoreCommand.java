package org.parrotscope.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
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
import org.parrotscope.clip.ClipModel;
import org.parrotscope.clip.ClipScorer;
import org.parrotscope.clip.SafeDType;
import org.parrotscope.clip.SafetensorsWriter;
import org.parrotscope.clip.ShardScorer;
import org.parrotscope.data.Datasets;
import org.parrotscope.data.ImageDecoder;
import org.parrotscope.data.Shard;
import org.parrotscope.data.SkipLog;
import org.parrotscope.train.Tokenizers;
import org.parrotscope.util.AtomicFiles;
import org.parrotscope.util.Json;
import org.parrotscope.util.Progress;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code parrotscope score}: the CLIP score (cosine of normalised image and caption embeddings,
 * paper Step 0) of every sample, one output file per shard. A shard whose score file exists is
 * skipped, so an interrupted run resumes; every file is written atomically, the score file last.
 */
@Command(
        name = "score",
        mixinStandardHelpOptions = true,
        description = "CLIP score of every image-caption pair, one CSV/JSONL file per shard (resumable).")
public final class ScoreCommand implements Callable<Integer> {

    @picocli.CommandLine.Mixin
    DeviceOptions deviceOptions = new DeviceOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "SHARDS", description = "tar files, globs, {a..b} ranges or image folders")
    List<String> shards;

    @Option(
            names = "--model",
            required = true,
            description = "model folder (config.json, model.safetensors, tokenizer)")
    Path model;

    @Option(names = "--out", required = true, description = "output folder")
    Path out;

    @Option(names = "--batch", defaultValue = "32", description = "images per forward pass (default ${DEFAULT-VALUE})")
    int batch;

    @Option(
            names = "--embeddings",
            description = "also write <shard>.embeddings.safetensors (image_embeds, text_embeds, keys)")
    boolean embeddings;

    @Option(names = "--format", defaultValue = "csv", description = "csv or jsonl (default ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--vocab", description = "tokenizer vocabulary overriding the model folder's")
    Path vocab;

    @Option(names = "--threads", description = "image decoding threads (default: cores)")
    Integer threads;

    @Override
    public Integer call() throws IOException {
        deviceOptions.apply(spec.commandLine().getErr());
        if (!format.equals("csv") && !format.equals("jsonl")) {
            throw new IllegalArgumentException("--format must be csv or jsonl, not " + format);
        }
        PrintWriter con = spec.commandLine().getOut();
        List<Shard> list = Datasets.resolve(shards);
        var builder = ClipScorer.builder().optBatchSize(batch);
        if (threads != null) {
            builder.optThreads(threads);
        }
        int done = 0;
        int resumed = 0;
        SkipLog all = new SkipLog();
        try (ClipModel m = ClipModel.load(model);
                ClipScorer scorer = builder.setModel(m)
                        .setTokenizer(Tokenizers.forModel(
                                model, vocab, m.config().text().contextLength()))
                        .build()) {
            ShardScorer shardScorer = new ShardScorer(scorer, ImageDecoder.defaults());
            for (Shard shard : list) {
                Path scores = out.resolve(shard.name() + "." + format);
                Path emb = out.resolve(shard.name() + ".embeddings.safetensors");
                if (Files.exists(scores) && (!embeddings || Files.exists(emb))) {
                    con.println(shard.name() + ": already scored, skipped");
                    resumed++;
                    continue;
                }
                SkipLog skips = new SkipLog();
                List<ShardScorer.Scored> rows = new ArrayList<>();
                try (Progress p = Progress.console("clip score " + shard.name(), 0)) {
                    shardScorer.score(shard, skips, p, rows::add);
                }
                if (embeddings) {
                    writeEmbeddings(emb, rows, m.config().embedDim());
                }
                writeSkips(out.resolve(shard.name() + ".skipped.jsonl"), skips);
                writeScores(scores, rows);
                skips.entries().forEach(all::add);
                con.printf(
                        Locale.ROOT,
                        "%s: %d scored, %d skipped -> %s%n",
                        shard.name(),
                        rows.size(),
                        skips.total(),
                        scores);
                con.flush();
                done++;
            }
        }
        con.printf(
                Locale.ROOT,
                "%d shards scored, %d already done; skipped samples by reason: %s%n",
                done,
                resumed,
                all.countsByReason());
        con.flush();
        return 0;
    }

    private void writeScores(Path file, List<ShardScorer.Scored> rows) throws IOException {
        StringBuilder sb = new StringBuilder();
        if (format.equals("csv")) {
            sb.append("key,clip_score\n");
            for (var r : rows) {
                sb.append(csv(r.key()))
                        .append(',')
                        .append(String.format(Locale.ROOT, "%.6f", r.clipScore()))
                        .append('\n');
            }
        } else {
            for (var r : rows) {
                JsonObject o = new JsonObject();
                o.addProperty("key", r.key());
                o.addProperty("clip_score", r.clipScore());
                sb.append(Json.COMPACT.toJson(o)).append('\n');
            }
        }
        AtomicFiles.write(file, o -> o.write(sb.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static void writeEmbeddings(Path file, List<ShardScorer.Scored> rows, int dim) throws IOException {
        float[] img = new float[rows.size() * dim];
        float[] txt = new float[rows.size() * dim];
        JsonArray keys = new JsonArray();
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i).imageEmbed(), 0, img, i * dim, dim);
            System.arraycopy(rows.get(i).textEmbed(), 0, txt, i * dim, dim);
            keys.add(rows.get(i).key());
        }
        Map<String, SafetensorsWriter.Tensor> t = new LinkedHashMap<>();
        t.put("image_embeds", new SafetensorsWriter.Tensor(new long[] {rows.size(), dim}, img));
        t.put("text_embeds", new SafetensorsWriter.Tensor(new long[] {rows.size(), dim}, txt));
        SafetensorsWriter.write(file, t, SafeDType.F32, Map.of("keys", Json.COMPACT.toJson(keys)));
    }

    private static void writeSkips(Path file, SkipLog skips) throws IOException {
        StringBuilder sb = new StringBuilder();
        skips.entries().forEach(s -> sb.append(Json.COMPACT.toJson(s)).append('\n'));
        AtomicFiles.write(file, o -> o.write(sb.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** RFC 4180 quoting when the key holds a comma, quote or line break. */
    private static String csv(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
