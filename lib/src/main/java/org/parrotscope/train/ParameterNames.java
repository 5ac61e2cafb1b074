package org.parrotscope.train;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * OpenCLIP {@code state_dict} names of a CLIP block tree's parameters, needed for the weight-decay rule and to
 * key optimizer state. Follows the naming of the clip package's model folders: DJL prefixes child keys with a
 * two-digit ordinal, which is dropped; an empty child name adds no prefix (the text tower).
 */
public final class ParameterNames {

    private ParameterNames() {}

    /**
     * Names every parameter.
     *
     * @param root the model's block
     * @return OpenCLIP name to parameter, in tree order
     */
    public static Map<String, Parameter> of(Block root) {
        Map<String, Parameter> out = new LinkedHashMap<>();
        walk(root, "", out);
        return out;
    }

    private static void walk(Block block, String prefix, Map<String, Parameter> out) {
        for (Pair<String, Parameter> p : block.getDirectParameters()) {
            out.put(prefix + p.getValue().getName(), p.getValue());
        }
        for (Pair<String, Block> child : block.getChildren()) {
            String name = child.getKey().replaceFirst("^\\d\\d", "");
            walk(child.getValue(), name.isEmpty() ? prefix : prefix + name + ".", out);
        }
    }
}
