package org.parrotscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parrotscope.clip.ClipModel;
import org.parrotscope.clip.ClipScorer;
import org.parrotscope.clip.ShardScorer;
import org.parrotscope.clip.Tokenizers;
import org.parrotscope.clip.WordTokenizer;
import org.parrotscope.data.Datasets;
import org.parrotscope.data.ImageDecoder;
import org.parrotscope.data.Sample;
import org.parrotscope.data.SampleStream;
import org.parrotscope.data.Shard;
import org.parrotscope.data.SkipLog;
import org.parrotscope.data.synth.MiniLaion;
import org.parrotscope.data.synth.MiniLaionWriter;
import org.parrotscope.data.synth.SynthConfig;
import org.parrotscope.data.synth.Truth;
import org.parrotscope.train.ClipTraining;
import org.parrotscope.train.SubsetManifest;
import org.parrotscope.train.TrainConfig;
import org.parrotscope.util.Progress;
import picocli.CommandLine;

/**
 * Issue 10's bug: notebook 04 could not score the models notebook 05 trains, while {@code parrotscope score} could.
 * A tiny model is trained the way notebook 05 trains (a word vocabulary built from the pool's captions, a Curation I
 * subset manifest), then scored with the library calls notebook 04 makes and by {@code parrotscope score}.
 */
class TrainedModelScoringTest {

    @Test
    void notebook05Model_scoresTheSameInNotebook04AndTheCli(@TempDir Path dir) throws Exception {
        String preset = "tiny";
        int imageSize = ClipTraining.preset(preset).vision().imageSize();
        Path pool = dir.resolve("pool");
        MiniLaionWriter.write(
                new MiniLaion(SynthConfig.builder()
                        .setSeed(5)
                        .setSamples(48)
                        .optImageSize(imageSize)
                        .build()),
                pool,
                Progress.silent());
        List<Shard> shards = Datasets.resolve(List.of(pool.toString()));

        // notebook 05: pool captions -> word vocabulary; text-free samples (the truth stands in for OCR) -> manifest
        List<String> captions = new ArrayList<>();
        List<String> noText = new ArrayList<>();
        try (SampleStream stream = Datasets.open(shards, new SkipLog())) {
            for (Sample s : stream) {
                captions.add(s.caption());
                if (Truth.fromJson(s.metadata()).words().isEmpty()) {
                    noText.add(s.key());
                }
            }
        }
        assertTrue(noText.size() >= 8, "text-free samples: " + noText.size());
        int context = ClipTraining.preset(preset).text().contextLength();
        WordTokenizer.build(captions, 2, context).save(dir.resolve("vocab"));
        Path vocabFile = dir.resolve("vocab").resolve(WordTokenizer.FILE);
        Path manifest = dir.resolve("subsets/no-text.json");
        Files.createDirectories(manifest.getParent());
        new SubsetManifest(List.of(pool.toString()), new LinkedHashSet<>(noText)).save(manifest);
        TrainConfig cfg = TrainConfig.builder()
                .setData(List.of(manifest.toString()))
                .setPreset(preset)
                .setOutDir(dir.resolve("no-text"))
                .optSteps(3)
                .optBatch(Math.min(8, noText.size()))
                .optLearningRate(2e-3f)
                .optWarmup(1)
                .optSeed(5)
                .optThreads(2)
                .optVocabulary(vocabFile)
                .build();
        Path modelDir = ClipTraining.run(cfg, null, Progress.silent()).finalDir();

        // the folder's tokenizer is the notebook's word vocabulary, not the BPE
        WordTokenizer folderTok = assertInstanceOf(WordTokenizer.class, Tokenizers.forModel(modelDir));
        assertEquals(WordTokenizer.load(vocabFile).tokens(), folderTok.tokens());

        // notebook 04's scoring cell, VOCAB empty
        int batch = ClipModel.DEFAULT_BATCH;
        Map<String, Float> notebook = new LinkedHashMap<>();
        try (ClipModel model = ClipModel.load(modelDir);
                ClipScorer scorer = ClipScorer.builder()
                        .setModel(model)
                        .optBatchSize(batch)
                        .setTokenizer(Tokenizers.forModel(modelDir, null))
                        .build()) {
            new ShardScorer(scorer, ImageDecoder.defaults())
                    .score(
                            shards,
                            new SkipLog(),
                            Progress.silent(),
                            (shard, s) -> notebook.put(s.key(), s.clipScore()));
        }
        assertEquals(48, notebook.size());
        assertTrue(notebook.values().stream().allMatch(x -> x >= -1.0001f && x <= 1.0001f), notebook.toString());
        assertTrue(notebook.values().stream().distinct().count() > 1, "all scores equal: " + notebook);

        // parrotscope score on the same folder
        Path out = dir.resolve("scores");
        StringWriter err = new StringWriter();
        CommandLine cl = ParrotScope.commandLine();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err));
        int rc = cl.execute(
                "score",
                "--model",
                modelDir.toString(),
                "--out",
                out.toString(),
                "--batch",
                Integer.toString(batch),
                pool.toString());
        assertEquals(0, rc, err.toString());
        Map<String, Float> cli = new LinkedHashMap<>();
        for (Shard shard : shards) {
            List<String> lines = Files.readAllLines(out.resolve(shard.name() + ".csv"));
            assertEquals("key,clip_score", lines.get(0));
            for (String line : lines.subList(1, lines.size())) {
                String[] kv = line.split(",");
                cli.put(kv[0].replace("\"", ""), Float.parseFloat(kv[1]));
            }
        }
        assertEquals(notebook.keySet(), cli.keySet());
        // the CLI writes six decimals
        notebook.forEach((key, score) -> assertEquals(score, cli.get(key), 1e-6, key));
    }
}
