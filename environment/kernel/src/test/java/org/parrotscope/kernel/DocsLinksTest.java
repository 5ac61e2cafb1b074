package org.parrotscope.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every relative link in the project's Markdown files and notebook prose points at a file inside the
 * repository, and nothing refers to documents outside it.
 */
class DocsLinksTest {

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final List<String> OUTSIDE = List.of("../shared", "STACK-NOTES");

    @Test
    void relativeLinks_resolveInsideTheRepository() throws IOException {
        Path root = JupyterSetup.root().toAbsolutePath().normalize();
        List<String> broken = new ArrayList<>();
        for (Path doc : documents(root)) {
            String text = prose(doc);
            Matcher m = LINK.matcher(text);
            while (m.find()) {
                String target = m.group(1).replaceAll("#.*$", "");
                if (target.isEmpty() || target.matches("^[a-z]+:.*")) {
                    continue; // an anchor or a URL
                }
                Path resolved = doc.getParent().resolve(target).normalize();
                if (!resolved.startsWith(root) || !Files.exists(resolved)) {
                    broken.add(root.relativize(doc) + " -> " + m.group(1));
                }
            }
            for (String outside : OUTSIDE) {
                if (text.contains(outside)) {
                    broken.add(root.relativize(doc) + " mentions " + outside);
                }
            }
        }
        assertEquals(List.of(), broken);
    }

    private static List<Path> documents(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> {
                        String rel = root.relativize(p).toString().replace('\\', '/');
                        return !rel.startsWith(".git/")
                                && !rel.contains("/target/")
                                && !rel.startsWith("runs/")
                                && !rel.startsWith("models/")
                                && !rel.contains("node_modules/")
                                && (rel.endsWith(".md") || rel.endsWith(".ipynb"));
                    })
                    .sorted()
                    .toList();
        }
    }

    /** A Markdown file's text, or the joined markdown cells of a notebook. */
    private static String prose(Path doc) throws IOException {
        String text = Files.readString(doc);
        if (!doc.toString().endsWith(".ipynb")) {
            return text;
        }
        StringBuilder md = new StringBuilder();
        JsonObject nb = com.google.gson.JsonParser.parseString(text).getAsJsonObject();
        for (JsonElement cell : nb.getAsJsonArray("cells")) {
            JsonObject c = cell.getAsJsonObject();
            if ("markdown".equals(c.get("cell_type").getAsString())) {
                c.getAsJsonArray("source").forEach(line -> md.append(line.getAsString()));
                md.append('\n');
            }
        }
        return md.toString();
    }
}
