package org.parrotscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code parrotscope tokenize} against OpenCLIP's ids in the fixtures, with bad lines in between. */
class TokenizeCommandTest {

    static Path fixtures() {
        return org.parrotscope.clip.Fixtures.root();
    }

    record Run(int exit, List<String> out, String err) {}

    static Run run(String... args) {
        CommandLine cl = ParrotScope.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString().lines().toList(), err.toString());
    }

    @Test
    void tokenize_printsOpenClipIdsPerLineAndNullForBadLines(@TempDir Path dir) throws Exception {
        JsonArray cases = JsonParser.parseString(
                        Files.readString(fixtures().resolve("openclip-tiny-quickgelu/tokens.json")))
                .getAsJsonArray();
        List<String> lines = new ArrayList<>();
        List<String> want = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            JsonObject c = cases.get(i).getAsJsonObject();
            JsonObject line = new JsonObject();
            line.addProperty("text", c.get("text").getAsString());
            line.addProperty("key", i);
            lines.add(line.toString());
            want.add(c.getAsJsonArray("input_ids").toString());
            if (i == 2) {
                lines.add("{not json");
                want.add("null");
                lines.add("{\"text\": 42}");
                want.add("null");
            }
        }
        Path in = dir.resolve("captions.jsonl");
        Files.write(in, lines);
        Run r = run("tokenize", "--vocab", org.parrotscope.clip.Fixtures.bpe().toString(), "--in", in.toString());
        assertEquals(1, r.exit(), "a bad line makes the exit code 1");
        assertEquals(want, r.out());
        assertTrue(r.err().contains(in + ":4: not JSON"), r.err());
        assertTrue(r.err().contains(in + ":5: no string field"), r.err());
        assertTrue(r.err().contains("2 of 22 lines failed"), r.err());
    }

    @Test
    void tokenize_bpeAndContextOptions(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("one.jsonl");
        Files.writeString(in, "{\"text\": \"a photo of a stop sign\"}\n");
        String vocab = org.parrotscope.clip.Fixtures.bpe().toString();
        // fixture tokens.json: bpe_ids [320, 1125, 539, 320, 1691, 2292]
        Run bpe = run("tokenize", "--vocab", vocab, "--in", in.toString(), "--bpe");
        assertEquals(0, bpe.exit(), bpe.err());
        assertEquals(List.of("[320,1125,539,320,1691,2292]"), bpe.out());
        Run shortCtx = run("tokenize", "--vocab", vocab, "--in", in.toString(), "--context", "4");
        assertEquals(List.of("[49406,320,1125,49407]"), shortCtx.out());
        Run missing = run("tokenize", "--vocab", dir.resolve("nope.gz").toString(), "--in", in.toString());
        assertEquals(1, missing.exit());
        assertTrue(missing.err().contains("nope.gz"), missing.err());
    }
}
