package org.parrotscope.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.parrotscope.clip.ClipTokenizer;
import org.parrotscope.clip.JsonlTokenizer;
import org.parrotscope.clip.TextTokenizer;
import org.parrotscope.clip.Tokenizers;
import org.parrotscope.util.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code parrotscope tokenize}: token ids of the {@code "text"} of each JSONL line ({@link JsonlTokenizer}), with
 * OpenAI's CLIP BPE or the tokenizer of a vocabulary file or model folder ({@link Tokenizers#open}). The exit code
 * is 1 when any line failed, 0 otherwise.
 */
@Command(
        name = "tokenize",
        mixinStandardHelpOptions = true,
        description = {
            "Print token ids (OpenCLIP's CLIP BPE by default) for each {\"text\": ...} line of a JSONL file.",
            "Output line i answers input line i; bad lines print null, are reported on stderr, and make the exit code 1."
        })
public final class TokenizeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--vocab",
            paramLabel = "FILE|DIR",
            description = "a model folder (its tokenizer), an OpenCLIP .txt.gz, a Hugging Face vocab.json, merges.txt"
                    + " or tokenizer.json, or a word vocab.json (default: OpenAI's CLIP BPE, shipped)")
    Path vocab;

    @Option(
            names = "--in",
            required = true,
            paramLabel = "FILE.jsonl",
            description = "input JSONL, '-' for standard input")
    String in;

    @Option(
            names = "--context",
            paramLabel = "N",
            description =
                    "context length: start, ids, end, zero padding to N (default: a word vocabulary's own, else 77)")
    Integer context;

    @Option(names = "--bpe", description = "print the bare ids instead (no start/end tokens, no padding or truncation)")
    boolean bpe;

    @Override
    public Integer call() throws Exception {
        if (context != null && context < 2) {
            throw new IllegalArgumentException("--context must be at least 2, not " + context);
        }
        if (!"-".equals(in) && !Files.isRegularFile(Path.of(in))) {
            throw new IllegalArgumentException(in + ": no such input file");
        }
        TextTokenizer tok = vocab == null ? ClipTokenizer.openAi() : Tokenizers.open(vocab);
        int ctx = context != null ? context : tok.contextLength().orElse(ClipTokenizer.DEFAULT_CONTEXT);
        JsonlTokenizer.Result r;
        try (BufferedReader reader = "-".equals(in)
                        ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                        : Files.newBufferedReader(Path.of(in), StandardCharsets.UTF_8);
                Progress progress = Progress.console("tokenize", 0)) {
            r = JsonlTokenizer.run(
                    reader,
                    in,
                    tok,
                    ctx,
                    bpe,
                    spec.commandLine().getOut(),
                    spec.commandLine().getErr(),
                    progress);
        }
        if (r.failed() > 0) {
            spec.commandLine().getErr().println("tokenize: " + r.failed() + " of " + r.lines() + " lines failed");
            spec.commandLine().getErr().flush();
            return 1;
        }
        return 0;
    }
}
