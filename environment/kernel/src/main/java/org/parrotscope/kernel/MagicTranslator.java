package org.parrotscope.kernel;

import io.github.spencerpark.jupyter.kernel.magic.CellMagicParseContext;
import io.github.spencerpark.jupyter.kernel.magic.MagicParser;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Rewrites IJava magic syntax into plain Java calls, as IJava does: a line magic ({@code %name args},
 * at the start of a line or right after {@code =}) becomes {@code lineMagic("name", List.of(args))}, and
 * a cell whose first line is {@code %%name args} becomes {@code cellMagic("name", List.of(args), body)}.
 * The calls then run like any user code (interruptible, with their value as the result).
 */
public final class MagicTranslator {

    // Same positions IJava accepts: `%maven ...` on its own line, or `List<String> jars = %jars ...`.
    private final MagicParser parser = new MagicParser("(?<=(?:^|=))\\s*%", "%%");

    /**
     * @param code a cell's source
     * @return the source with magics replaced by Java calls; unchanged when it has none
     */
    public String translate(String code) {
        CellMagicParseContext cell = parser.parseCellMagic(code);
        if (cell != null) {
            return "cellMagic(" + literal(cell.getMagicCall().getName()) + ", "
                    + list(cell.getMagicCall().getArgs()) + ", "
                    + literal(cell.getMagicCall().getBody()) + ");";
        }
        return parser.transformLineMagics(
                code,
                ctx -> " lineMagic(" + literal(ctx.getMagicCall().getName()) + ", "
                        + list(ctx.getMagicCall().getArgs()) + ");");
    }

    private static String list(List<String> args) {
        return args.stream().map(MagicTranslator::literal).collect(Collectors.joining(", ", "java.util.List.of(", ")"));
    }

    /**
     * @param s any text
     * @return a Java string literal denoting {@code s}
     */
    static String literal(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
