package org.parrotscope.clip;

import com.google.gson.JsonElement;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Arrays;
import org.parrotscope.util.Json;
import org.parrotscope.util.Progress;

/**
 * Token ids of the {@code "text"} of each JSONL line, one JSON array per output line (what {@code parrotscope
 * tokenize} prints). Output line i always answers input line i: a line that is not a JSON object with a string
 * {@code text} gives {@code null} and a message naming the source and line number, and the run goes on.
 */
public final class JsonlTokenizer {

    /**
     * What a run did.
     *
     * @param lines input lines read
     * @param failed lines answered with {@code null}
     */
    public record Result(long lines, long failed) {}

    private JsonlTokenizer() {}

    /**
     * Tokenises every line.
     *
     * @param in the JSONL lines
     * @param source the input's name, for messages
     * @param tokenizer the tokenizer
     * @param contextLength ids per text (start, ids, end, zero padding), at least 2
     * @param bare print the bare ids instead: no start or end token, no padding or truncation
     * @param out receives one JSON array (or {@code null}) per input line
     * @param err receives one message per failed line
     * @param progress advanced once per tokenised line
     * @return the counts
     * @throws IOException when the input cannot be read
     */
    public static Result run(
            BufferedReader in,
            String source,
            TextTokenizer tokenizer,
            int contextLength,
            boolean bare,
            PrintWriter out,
            PrintWriter err,
            Progress progress)
            throws IOException {
        if (contextLength < 2) {
            throw new IllegalArgumentException("context length must be at least 2, not " + contextLength);
        }
        long lines = 0;
        long failed = 0;
        for (String line; (line = in.readLine()) != null; ) {
            lines++;
            String text;
            try {
                text = text(line);
            } catch (IllegalArgumentException e) {
                failed++;
                out.println("null");
                err.println(source + ":" + lines + ": " + e.getMessage());
                continue;
            }
            String ids = bare
                    ? Arrays.toString(tokenizer.encode(text))
                    : Arrays.toString(tokenizer.tokenize(text, contextLength));
            out.println(ids.replace(" ", ""));
            progress.advance(1);
        }
        out.flush();
        err.flush();
        return new Result(lines, failed);
    }

    private static String text(String line) {
        JsonElement e;
        try {
            e = Json.parse(line);
        } catch (RuntimeException ex) {
            throw new IllegalArgumentException("not JSON: " + ex.getMessage());
        }
        if (e == null || !e.isJsonObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        JsonElement t = e.getAsJsonObject().get("text");
        if (t == null || !t.isJsonPrimitive() || !t.getAsJsonPrimitive().isString()) {
            throw new IllegalArgumentException("no string field \"text\"");
        }
        return t.getAsString();
    }
}
