package org.parrotscope.viz;

import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.Renderer;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.awt.image.BufferedImage;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.parrotscope.util.Progress;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Figure;

/**
 * The one entry point notebooks use to show things: {@code Notebook.show(x)}, {@code Notebook.progress(..)}.
 *
 * <p>Finding the kernel: ParrotScope's kernel registers itself with {@link #attach(BaseKernel)} when it
 * starts; under upstream IJava 1.3 the kernel is found through {@code io.github.spencerpark.ijava.IJava
 * .getKernelInstance()} (by reflection, so the library does not depend on IJava). Either way objects go
 * through the kernel's jupyter-jvm-basekernel {@link Renderer}, on which {@link #registerRenderers}
 * registers Tablesaw tables and figures. Without a kernel (tests, the command line) {@code show} prints
 * the object's text form and {@code progress} reports on standard error.
 */
public final class Notebook {

    private static final AtomicReference<BaseKernel> ATTACHED = new AtomicReference<>();
    private static final AtomicReference<BaseKernel> REGISTERED = new AtomicReference<>();

    private Notebook() {}

    /**
     * Makes a kernel the one {@code show} uses and registers the library's renderers on it.
     *
     * @param kernel the running kernel, or null to detach
     */
    public static void attach(BaseKernel kernel) {
        ATTACHED.set(kernel);
        if (kernel != null) {
            registerOnce(kernel);
        }
    }

    /** @return the kernel hosting this JVM's notebook: the attached one, else IJava's, else empty */
    public static Optional<BaseKernel> kernel() {
        BaseKernel k = ATTACHED.get();
        if (k == null) {
            k = ijavaKernel();
        }
        if (k != null) {
            registerOnce(k);
        }
        return Optional.ofNullable(k);
    }

    private static BaseKernel ijavaKernel() {
        try {
            Object k = Class.forName("io.github.spencerpark.ijava.IJava")
                    .getMethod("getKernelInstance")
                    .invoke(null);
            return k instanceof BaseKernel b ? b : null;
        } catch (ReflectiveOperationException | LinkageError e) {
            return null; // not running under IJava
        }
    }

    private static void registerOnce(BaseKernel k) {
        if (REGISTERED.getAndSet(k) != k) {
            registerRenderers(k.getRenderer());
        }
    }

    /**
     * Registers Tablesaw {@link Table} (as {@link TableView}) and {@link Figure} (as {@link Plot}), so a
     * cell ending on a bare table or figure shows it richly.
     *
     * @param renderer a kernel's renderer
     */
    public static void registerRenderers(Renderer renderer) {
        renderer.createRegistration(Table.class)
                .preferring(MIMEType.TEXT_HTML)
                .supporting(MIMEType.TEXT_PLAIN)
                .register((t, ctx) -> TableView.of(t).render(ctx));
        renderer.createRegistration(Figure.class)
                .preferring(MIMEType.TEXT_HTML)
                .supporting(MIMEType.TEXT_PLAIN)
                .register((f, ctx) -> Plot.of(f).render(ctx));
    }

    /**
     * Shows an object as an output of the running cell (tables, figures, images, any
     * {@code DisplayDataRenderable}); without a kernel prints its text form.
     *
     * @param o the object
     * @return the display id for {@link #update(String, Object)}, or null without a kernel
     */
    public static String show(Object o) {
        Optional<BaseKernel> k = kernel();
        if (k.isEmpty()) {
            System.out.println(o);
            return null;
        }
        return show(k.get(), k.get().getRenderer().render(wrap(o)));
    }

    /**
     * Shows an object rendered as the given MIME types only.
     *
     * @param o the object
     * @param mimeTypes e.g. {@code text/plain}
     * @return the display id, or null without a kernel
     */
    public static String show(Object o, String... mimeTypes) {
        Optional<BaseKernel> k = kernel();
        if (k.isEmpty()) {
            System.out.println(o);
            return null;
        }
        return show(k.get(), k.get().getRenderer().renderAs(wrap(o), mimeTypes));
    }

    private static String show(BaseKernel k, DisplayData data) {
        if (!data.hasDisplayId()) {
            data.setDisplayId(UUID.randomUUID().toString());
        }
        k.display(data);
        return data.getDisplayId();
    }

    /**
     * Replaces a shown output in place; without a kernel prints the new text form.
     *
     * @param displayId an id from {@link #show(Object)}
     * @param o the new content
     */
    public static void update(String displayId, Object o) {
        Optional<BaseKernel> k = kernel();
        if (k.isEmpty() || displayId == null) {
            System.out.println(o);
            return;
        }
        k.get().getIO().display.updateDisplay(displayId, k.get().getRenderer().render(wrap(o)));
    }

    /**
     * A progress for a long run: in a notebook a bar shown once and updated in place (at most every
     * 200 ms, and when closed); otherwise {@link Progress#console(String, long)}.
     *
     * @param task a short name, e.g. {@code ocr}
     * @param total the expected count, or 0 when unknown
     * @return the progress; close it when done
     */
    public static Progress progress(String task, long total) {
        if (kernel().isEmpty()) {
            return Progress.console(task, total);
        }
        String id = show(new ProgressBar(new Progress.State(task, 0, total, 0, false)));
        return Progress.listen(task, total, s -> update(id, new ProgressBar(s)));
    }

    /**
     * @param table a table
     * @return its notebook view (20 rows)
     */
    public static TableView table(Table table) {
        return TableView.of(table);
    }

    /**
     * @param figure a figure
     * @return it as a {@link Plot}
     */
    public static Plot plot(Figure figure) {
        return Plot.of(figure);
    }

    /**
     * @param image an image
     * @return it as a PNG output
     */
    public static ImageView image(BufferedImage image) {
        return new ImageView(image);
    }

    private static Object wrap(Object o) {
        if (o instanceof Table t) {
            return TableView.of(t);
        }
        if (o instanceof Figure f) {
            return Plot.of(f);
        }
        if (o instanceof BufferedImage img) {
            return new ImageView(img);
        }
        return o;
    }
}
