package org.parrotscope.cli;

import com.google.gson.JsonElement;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.parrotscope.clip.ClipTokenizer;
import org.parrotscope.util.Json;
import org.parrotscope.util.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code parrotscope tokenize}: CLIP token ids of the {@code "text"} of each JSONL line, one JSON array per
 * line on standard output. Output line i always answers input line i: a line that is not a JSON object with
 * a string {@code text} prints {@code null}, is reported on standard error with its line number, and the run
 * goes on; the exit code is 1 when any line failed, 0 otherwise.
 */
@Command(
        name = "tokenize",
        mixinStandardHelpOptions = true,
        description = {
            "Print CLIP token ids (OpenCLIP's tokenizer) for each {\"text\": ...} line of a JSONL file.",
            "Output line i answers input line i; bad lines print null, are reported on stderr, and make the exit code 1."
        })
public final class TokenizeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--vocab",
            required = true,
            paramLabel = "FILE",
            description =
                    "OpenCLIP bpe_simple_vocab_16e6.txt.gz, a Hugging Face vocab.json or merges.txt, or a folder holding them")
    Path vocab;

    @Option(
            names = "--in",
            required = true,
            paramLabel = "FILE.jsonl",
            description = "input JSONL, '-' for standard input")
    String in;

    @Option(
            names = "--context",
            defaultValue = "77",
            paramLabel = "N",
            description = "context length: start, ids, end, zero padding to N (default ${DEFAULT-VALUE})")
    int context;

    @Option(
            names = "--bpe",
            description = "print the bare BPE ids instead (no start/end tokens, no padding or truncation)")
    boolean bpe;

    @Override
    public Integer call() throws Exception {
        if (context < 2) {
            throw new IllegalArgumentException("--context must be at least 2, not " + context);
        }
        if (!"-".equals(in) && !Files.isRegularFile(Path.of(in))) {
            throw new IllegalArgumentException(in + ": no such input file");
        }
        ClipTokenizer tok = ClipTokenizer.fromFile(vocab);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long lines = 0;
        long failed = 0;
        try (BufferedReader r = "-".equals(in)
                        ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                        : Files.newBufferedReader(Path.of(in), StandardCharsets.UTF_8);
                Progress progress = Progress.console("tokenize", 0)) {
            for (String line; (line = r.readLine()) != null; ) {
                lines++;
                String text;
                try {
                    text = text(line);
                } catch (IllegalArgumentException e) {
                    failed++;
                    out.println("null");
                    err.println(in + ":" + lines + ": " + e.getMessage());
                    continue;
                }
                out.println(
                        bpe
                                ? Arrays.toString(tok.encode(text)).replace(" ", "")
                                : Arrays.toString(tok.tokenize(text, context)).replace(" ", ""));
                progress.advance(1);
            }
        }
        out.flush();
        if (failed > 0) {
            err.println("tokenize: " + failed + " of " + lines + " lines failed");
            return 1;
        }
        return 0;
    }

    private static String text(String line) {
        JsonElement e;
        try {
            e = Json.parse(line);
        } catch (RuntimeException ex) {
            throw new IllegalArgumentException("not JSON: " + ex.getMessage());
        }
        if (!e.isJsonObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        JsonElement t = e.getAsJsonObject().get("text");
        if (t == null || !t.isJsonPrimitive() || !t.getAsJsonPrimitive().isString()) {
            throw new IllegalArgumentException("no string field \"text\"");
        }
        return t.getAsString();
    }
}
