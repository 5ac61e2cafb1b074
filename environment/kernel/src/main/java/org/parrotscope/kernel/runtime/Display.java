package org.parrotscope.kernel.runtime;

import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import java.util.UUID;
import org.parrotscope.kernel.ParrotKernel;

/**
 * ParrotScope's equivalent of IJava's {@code io.github.spencerpark.ijava.runtime.Display}, with the same
 * static functions and semantics; the kernel imports it statically into every notebook, so notebooks
 * call {@code display(x)} without an import (and must not import IJava's class, which only IJava has).
 */
public final class Display {
    private Display() {}

    /**
     * Renders an object with the kernel's renderer (tables, figures, images, {@code DisplayDataRenderable}s).
     *
     * @param o the object
     * @return its display data, e.g. to return as a cell's result
     */
    public static DisplayData render(Object o) {
        return ParrotKernel.require().getRenderer().render(o);
    }

    /**
     * Renders an object as the given MIME types only.
     *
     * @param o the object
     * @param as MIME types such as {@code text/html}
     * @return its display data
     */
    public static DisplayData render(Object o, String... as) {
        return ParrotKernel.require().getRenderer().renderAs(o, as);
    }

    /**
     * Shows an object now, as a display_data output of the running cell.
     *
     * @param o the object
     * @return the display id, for {@link #updateDisplay(String, Object)}
     */
    public static String display(Object o) {
        return show(render(o));
    }

    /**
     * Shows an object now, rendered as the given MIME types.
     *
     * @param o the object
     * @param as MIME types
     * @return the display id
     */
    public static String display(Object o, String... as) {
        return show(render(o, as));
    }

    /**
     * Replaces a shown output in place.
     *
     * @param id an id returned by {@code display}
     * @param o the new content
     */
    public static void updateDisplay(String id, Object o) {
        ParrotKernel.require().getIO().display.updateDisplay(id, render(o));
    }

    /**
     * Replaces a shown output in place, rendered as the given MIME types.
     *
     * @param id an id returned by {@code display}
     * @param o the new content
     * @param as MIME types
     */
    public static void updateDisplay(String id, Object o, String... as) {
        ParrotKernel.require().getIO().display.updateDisplay(id, render(o, as));
    }

    private static String show(DisplayData data) {
        BaseKernel kernel = ParrotKernel.require();
        if (!data.hasDisplayId()) {
            data.setDisplayId(UUID.randomUUID().toString());
        }
        kernel.display(data);
        return data.getDisplayId();
    }
}
