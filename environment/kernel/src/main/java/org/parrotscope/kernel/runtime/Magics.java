package org.parrotscope.kernel.runtime;

import java.util.List;
import org.parrotscope.kernel.ParrotKernel;

/**
 * The functions IJava's magic syntax translates to ({@code %name args} and {@code %%name args}); they
 * can also be called directly. Statically imported into every notebook.
 */
public final class Magics {
    private Magics() {}

    /**
     * Runs a line magic.
     *
     * @param <T> the magic's result type (unchecked, as in IJava)
     * @param name the magic's name, e.g. {@code maven}
     * @param args its arguments
     * @return the magic's result (e.g. the added classpath entries), or null
     * @throws Exception when the magic fails or does not exist
     */
    public static <T> T lineMagic(String name, List<String> args) throws Exception {
        return ParrotKernel.require().magics().applyLineMagic(name, args);
    }

    /**
     * Runs a cell magic.
     *
     * @param <T> the magic's result type
     * @param name the magic's name, e.g. {@code loadFromPOM}
     * @param args the arguments on the {@code %%} line
     * @param body the rest of the cell
     * @return the magic's result, or null
     * @throws Exception when the magic fails or does not exist
     */
    public static <T> T cellMagic(String name, List<String> args, String body) throws Exception {
        return ParrotKernel.require().magics().applyCellMagic(name, args, body);
    }
}
