package org.parrotscope.kernel;

import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.channels.JupyterSocket;
import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import io.github.spencerpark.jupyter.kernel.LanguageInfo;
import io.github.spencerpark.jupyter.kernel.ReplacementOptions;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.magic.registry.Magics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import jdk.jshell.SourceCodeAnalysis;
import org.parrotscope.kernel.wire.GuardedConnection;
import org.parrotscope.viz.Notebook;

/**
 * The ParrotScope Jupyter kernel: IJava 1.3's behaviour (magics, environment variables, runtime
 * functions) on jupyter-jvm-basekernel, with user code evaluated in-process by {@link CellEvaluator}.
 * Library objects ({@code org.parrotscope.viz}) render through the same renderer as under IJava.
 */
public final class ParrotKernel extends BaseKernel implements AutoCloseable {

    // Exactly IJava 1.3's default imports (its ijava-jshell-init.jshell), no more: a notebook that uses
    // java.nio.file or java.util.stream must import them, or it would fail under upstream IJava.
    private static final String INIT = String.join(
            "\n",
            "import java.util.*;",
            "import java.io.*;",
            "import java.math.*;",
            "import java.net.*;",
            "import java.util.concurrent.*;",
            "import java.util.prefs.*;",
            "import java.util.regex.*;",
            "import static org.parrotscope.kernel.runtime.Display.*;",
            "import static org.parrotscope.kernel.runtime.Magics.*;",
            "public void printf(String format, Object... args) { System.out.printf(format, args); }");

    private static volatile ParrotKernel instance;
    // Held strongly: java.util.logging forgets unreferenced loggers, and with them their level.
    private static final java.util.logging.Logger BASEKERNEL_LOG =
            java.util.logging.Logger.getLogger("io.github.spencerpark");

    private final CellEvaluator evaluator;
    private final MagicTranslator translator = new MagicTranslator();
    private final Magics magics = new Magics();
    private final LanguageInfo languageInfo;

    /**
     * Starts JShell, runs the startup code and registers magics and renderers.
     *
     * @param config the kernel settings
     * @throws EvaluationException when a startup script fails
     * @throws java.io.IOException when a startup script cannot be read
     */
    public ParrotKernel(KernelConfig config) throws EvaluationException, java.io.IOException {
        this.evaluator = new CellEvaluator(config.compilerOptions(), config.timeout(), Duration.ofSeconds(2));
        this.languageInfo = new LanguageInfo.Builder("java")
                .version(Runtime.version().toString())
                .mimetype("text/x-java-source")
                .fileExtension(".jshell")
                .pygments("java")
                .codemirror("java")
                .build();
        instance = this;
        Notebook.attach(this);
        KernelMagics.register(magics, evaluator::addToClasspath, MavenDependencies.standard(), this::evalRaw);
        for (Path p : KernelMagics.globs(config.classpath(), false)) {
            evaluator.addToClasspath(p.toAbsolutePath().toString());
        }
        evaluator.eval(INIT);
        for (Path script : KernelMagics.globs(config.startupScripts(), true)) {
            evalRaw(Files.readString(script));
        }
        if (!config.startupScript().isBlank()) {
            evalRaw(config.startupScript());
        }
    }

    /** @return the running kernel, if this JVM hosts one */
    public static Optional<ParrotKernel> current() {
        return Optional.ofNullable(instance);
    }

    /**
     * @return the running kernel
     * @throws IllegalStateException outside a ParrotScope kernel
     */
    public static ParrotKernel require() {
        ParrotKernel k = instance;
        if (k == null) {
            throw new IllegalStateException("No ParrotScope kernel running in this JVM");
        }
        return k;
    }

    /** @return the magic registry ({@code lineMagic}/{@code cellMagic} dispatch here) */
    public Magics magics() {
        return magics;
    }

    /** @return the evaluator */
    public CellEvaluator evaluator() {
        return evaluator;
    }

    /**
     * Evaluates a cell without rendering its result.
     *
     * @param code the cell source, magics allowed
     * @return the value of a final bare expression, else null
     * @throws EvaluationException when the cell fails
     */
    public Object evalRaw(String code) throws EvaluationException {
        return evaluator.eval(translator.translate(code));
    }

    @Override
    public DisplayData eval(String code) throws Exception {
        Object result = evalRaw(code);
        if (result == null) {
            return null;
        }
        return result instanceof DisplayData d ? d : getRenderer().render(result);
    }

    @Override
    public LanguageInfo getLanguageInfo() {
        return languageInfo;
    }

    @Override
    public String getBanner() {
        return "Java " + Runtime.version() + " :: ParrotScope kernel (IJava 1.3 compatible)";
    }

    @Override
    public List<String> formatError(Exception e) {
        if (e instanceof EvaluationException ev) {
            List<String> lines = new ArrayList<>();
            if (ev.kind() != EvaluationException.Kind.EXCEPTION) {
                ev.source().lines().limit(8).forEach(l -> lines.add("\u001b[2m|   " + l + "\u001b[0m"));
            }
            ev.details()
                    .forEach(d -> d.lines()
                            .forEach(l -> lines.add(l.startsWith("\t") ? l : "\u001b[1;31m" + l + "\u001b[0m")));
            return lines;
        }
        return super.formatError(e);
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        int[] anchor = new int[1];
        List<SourceCodeAnalysis.Suggestion> suggestions = evaluator.analysis().completionSuggestions(code, at, anchor);
        if (suggestions == null || suggestions.isEmpty()) {
            return null;
        }
        List<String> options = suggestions.stream()
                .sorted((a, b) -> Boolean.compare(b.matchesType(), a.matchesType()))
                .map(SourceCodeAnalysis.Suggestion::continuation)
                .distinct()
                .toList();
        return new ReplacementOptions(options, anchor[0], at);
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        String doc = Inspection.describe(evaluator.analysis(), code, at);
        return doc == null ? null : new DisplayData(doc);
    }

    @Override
    public String isComplete(String code) {
        return switch (Inspection.completeness(evaluator.analysis(), translator.translate(code))) {
            case COMPLETE -> IS_COMPLETE_YES;
            case INVALID -> IS_COMPLETE_BAD;
            case UNKNOWN -> IS_COMPLETE_MAYBE;
            case INCOMPLETE -> "    ";
        };
    }

    @Override
    public void interrupt() {
        evaluator.interrupt();
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        close();
    }

    @Override
    public void close() {
        evaluator.close();
        if (instance == this) {
            instance = null;
            Notebook.attach(null);
        }
    }

    /**
     * Runs the kernel for a Jupyter connection file (the kernelspec's {@code {connection_file}}).
     *
     * @param args the connection file path
     * @throws Exception when the connection cannot be made or startup fails
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: ParrotKernel <connection-file>");
            System.exit(2);
        }
        org.parrotscope.util.Logging.configure(); // PARROTSCOPE_LOG, before the first slf4j logger is made
        // basekernel logs every socket loop start/stop at INFO, to loggers named "Loop-<n>".
        BASEKERNEL_LOG.setLevel(Level.WARNING);
        JupyterSocket.JUPYTER_LOGGER.setLevel(Level.WARNING);
        for (java.util.logging.Handler h :
                java.util.logging.Logger.getLogger("").getHandlers()) {
            h.setFilter(r -> r.getLoggerName() == null
                    || !r.getLoggerName().startsWith("Loop-")
                    || r.getLevel().intValue() >= Level.WARNING.intValue());
        }
        KernelConnectionProperties props = KernelConnectionProperties.parse(Files.readString(Path.of(args[0])));
        // Our own socket loops: basekernel's end at the first badly signed or short message (issue 14).
        JupyterConnection connection = new GuardedConnection(props, GuardedConnection.maxMessageBytes(System.getenv()));
        ParrotKernel kernel = new ParrotKernel(KernelConfig.fromEnv(System.getenv()));
        kernel.becomeHandlerForConnection(connection);
        connection.connect();
        connection.waitUntilClose();
        System.exit(0);
    }
}
