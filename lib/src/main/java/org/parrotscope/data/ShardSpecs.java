package org.parrotscope.data;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Expands one dataset spec into paths, as a shell would (but the same on every platform and inside a
 * notebook): brace expressions first ({@code {00000..00009}} numeric ranges keep the zero padding of
 * their bounds, {@code {a,b}} lists; several braces multiply), then glob characters {@code * ? [...]}
 * and {@code **} matched against existing files.
 */
final class ShardSpecs {

    private ShardSpecs() {}

    /** @return the brace expansions of {@code spec} in order */
    static List<String> braces(String spec) {
        int open = spec.indexOf('{');
        if (open < 0) {
            return List.of(spec);
        }
        int close = matching(spec, open);
        if (close < 0) {
            return List.of(spec);
        }
        String head = spec.substring(0, open);
        String body = spec.substring(open + 1, close);
        String tail = spec.substring(close + 1);
        List<String> alternatives = alternatives(body);
        if (alternatives == null) {
            // Not a range or a list ("{x}"): keep it literally and expand what follows.
            List<String> out = new ArrayList<>();
            for (String t : braces(tail)) {
                out.add(head + "{" + body + "}" + t);
            }
            return out;
        }
        List<String> out = new ArrayList<>();
        List<String> tails = braces(tail);
        for (String alt : alternatives) {
            for (String a : braces(alt)) {
                for (String t : tails) {
                    out.add(head + a + t);
                }
            }
        }
        return out;
    }

    private static int matching(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            if (s.charAt(i) == '{') {
                depth++;
            } else if (s.charAt(i) == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> alternatives(String body) {
        var range = java.util.regex.Pattern.compile("(-?\\d+)\\.\\.(-?\\d+)").matcher(body);
        if (range.matches()) {
            String a = range.group(1);
            String b = range.group(2);
            long from = Long.parseLong(a);
            long to = Long.parseLong(b);
            // Zero padding as in bash: the width of the wider bound when either has a leading zero.
            boolean padded = a.replace("-", "").startsWith("0")
                            && a.replace("-", "").length() > 1
                    || b.replace("-", "").startsWith("0") && b.replace("-", "").length() > 1;
            int width = padded ? Math.max(a.length(), b.length()) : 0;
            if (Math.abs(to - from) > 10_000_000) {
                throw new IllegalArgumentException("brace range too large: {" + body + "}");
            }
            List<String> out = new ArrayList<>();
            long step = from <= to ? 1 : -1;
            for (long v = from; ; v += step) {
                out.add(width > 0 ? String.format("%0" + width + "d", v) : Long.toString(v));
                if (v == to) {
                    break;
                }
            }
            return out;
        }
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(body.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(body.substring(start));
        return parts.size() > 1 ? parts : null;
    }

    /** @return true when the path holds glob characters */
    static boolean isGlob(String path) {
        return path.indexOf('*') >= 0 || path.indexOf('?') >= 0 || path.indexOf('[') >= 0;
    }

    /** @return the existing paths matching a glob, sorted */
    static List<Path> glob(String pattern) throws IOException {
        String p = pattern.replace('\\', '/');
        int firstGlob = indexOfGlob(p);
        int slash = p.lastIndexOf('/', firstGlob);
        Path base = slash < 0 ? Path.of(".") : Path.of(slash == 0 ? "/" : p.substring(0, slash));
        String rest = slash < 0 ? p : p.substring(slash + 1);
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + rest);
        int depth = rest.contains("**") ? Integer.MAX_VALUE : rest.split("/").length;
        try (Stream<Path> walk = Files.walk(base, depth)) {
            return walk.filter(f -> !f.equals(base))
                    .filter(f -> matcher.matches(base.relativize(f)))
                    .map(f -> slash < 0 ? normalizeDot(f) : f)
                    .sorted()
                    .toList();
        }
    }

    private static Path normalizeDot(Path f) {
        return f.startsWith(".") && f.getNameCount() > 1 ? f.subpath(1, f.getNameCount()) : f;
    }

    private static int indexOfGlob(String p) {
        int best = p.length();
        for (char c : new char[] {'*', '?', '['}) {
            int i = p.indexOf(c);
            if (i >= 0) {
                best = Math.min(best, i);
            }
        }
        return best;
    }
}
