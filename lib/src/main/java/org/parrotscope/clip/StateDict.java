package org.parrotscope.clip;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Rebuilds PyTorch {@code state_dict} names ({@code visual.transformer.resblocks.0.ln_1.weight}) from
 * a DJL block tree. DJL keys children as {@code "%02d" + name}; the ordinal prefix is removed and
 * names are joined with dots. A child named {@code ""} adds no prefix.
 */
final class StateDict {

    private StateDict() {}

    /**
     * @param root a block
     * @return dotted name to parameter, in tree order
     */
    static Map<String, Parameter> of(Block root) {
        Map<String, Parameter> out = new LinkedHashMap<>();
        walk(root, "", out);
        return out;
    }

    private static void walk(Block block, String prefix, Map<String, Parameter> out) {
        for (Pair<String, Parameter> p : block.getDirectParameters()) {
            out.put(prefix + p.getValue().getName(), p.getValue());
        }
        int i = 0;
        for (Pair<String, Block> child : block.getChildren()) {
            String ordinal = String.format(Locale.ROOT, "%02d", ++i);
            String key = child.getKey();
            if (!key.startsWith(ordinal)) {
                throw new IllegalStateException("unexpected DJL child key " + key + " at position " + i);
            }
            String name = key.substring(ordinal.length());
            walk(child.getValue(), name.isEmpty() ? prefix : prefix + name + ".", out);
        }
    }
}
