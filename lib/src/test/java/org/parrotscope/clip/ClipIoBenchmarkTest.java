package org.parrotscope.clip;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Throughput of the safetensors reader, the tokenizer and the preprocessing, printed (never asserted).
 * Writes 1.2 GB of temporary files, so it runs only when asked:
 * {@code mvn -o -B -pl lib test -Dtest=ClipIoBenchmarkTest -Dparrotscope.bench=true}.
 */
@Tag("slow")
class ClipIoBenchmarkTest {

    @BeforeEach
    void onlyWhenAsked() {
        assumeTrue(Boolean.getBoolean("parrotscope.bench"), "benchmark: pass -Dparrotscope.bench=true");
    }

    @Test
    void safetensorsRead_vitB32SizedCheckpoint(@TempDir Path dir) throws Exception {
        // 151,277,313 parameters (ViT-B-32) split like a checkpoint: 74 tensors of ~2M floats
        Random rnd = new Random(1);
        Map<String, SafetensorsWriter.Tensor> m = new LinkedHashMap<>();
        long left = 151_277_313L;
        for (int i = 0; left > 0; i++) {
            int n = (int) Math.min(left, 2_048_000);
            float[] d = new float[n];
            for (int j = 0; j < n; j += 97) {
                d[j] = (float) rnd.nextGaussian();
            }
            m.put("t" + i, SafetensorsWriter.Tensor.of(d, n));
            left -= n;
        }
        for (SafeDType dtype : List.of(SafeDType.F32, SafeDType.BF16, SafeDType.F16)) {
            Path p = dir.resolve(dtype + ".safetensors");
            long t0 = System.nanoTime();
            SafetensorsWriter.write(p, m, dtype, Map.of());
            double w = (System.nanoTime() - t0) / 1e9;
            long bytes = Files.size(p);
            double best = Double.MAX_VALUE;
            long sum = 0;
            for (int r = 0; r < 3; r++) {
                long t1 = System.nanoTime();
                try (SafetensorsFile f = SafetensorsFile.open(p)) {
                    for (String n : f.names()) {
                        sum += f.floats(n).length;
                    }
                }
                best = Math.min(best, (System.nanoTime() - t1) / 1e9);
            }
            System.out.printf(
                    Locale.ROOT,
                    "safetensors %s %.0f MB: write %.0f MB/s, read to float[] %.0f MB/s (%.0f Mfloat/s)%n",
                    dtype,
                    bytes / 1e6,
                    bytes / 1e6 / w,
                    bytes / 1e6 / best,
                    151.277313 / best);
            assertTrue(sum > 0);
            Files.delete(p);
        }
    }

    @Test
    void tokenizer_textsPerSecond() throws Exception {
        List<String> texts = new ArrayList<>();
        ClipTokenizerTest.cases().forEach(c -> texts.add(c.text()));
        long t0 = System.nanoTime();
        ClipTokenizer cold = ClipTokenizer.fromFile(IoFixtures.bpe());
        double load = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        cold.tokenize(texts);
        double first = (System.nanoTime() - t0) / 1e9;
        int rounds = 50;
        t0 = System.nanoTime();
        for (int r = 0; r < rounds; r++) {
            cold.tokenize(texts);
        }
        double warm = (System.nanoTime() - t0) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "tokenizer: load %.2f s, first pass %.0f texts/s (empty cache), warm %.0f texts/s%n",
                load,
                texts.size() / first,
                texts.size() * rounds / warm);
    }

    @Test
    void preprocess_imagesPerSecondAt224() {
        Random rnd = new Random(2);
        BufferedImage img = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 480; y++) {
            for (int x = 0; x < 640; x++) {
                img.setRGB(x, y, rnd.nextInt(1 << 24));
            }
        }
        ClipPreprocessor p = ClipPreprocessor.builder().setImageSize(224).build();
        for (int i = 0; i < 10; i++) {
            p.apply(img);
        }
        int n = 50;
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            p.apply(img);
        }
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "preprocess 640x480 -> 224: %.1f images/s on one thread%n", n / s);
    }
}
