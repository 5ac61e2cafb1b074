package org.parrotscope.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the library example of the main README in a kernel and checks what it computed. Used in-process by
 * {@link ReadmeExampleTest} and as the main class of a child JVM with upstream IJava's gson 2.8.5 first on
 * the class path.
 */
final class ReadmeExample {

    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

    private ReadmeExample() {}

    /**
     * The README's only {@code java} code block.
     *
     * @param readme the README file
     * @return the block's code
     * @throws IOException when the README cannot be read
     */
    static String code(Path readme) throws IOException {
        Matcher m = JAVA_BLOCK.matcher(Files.readString(readme));
        if (!m.find()) {
            throw new IllegalStateException(readme + " has no ```java block");
        }
        String code = m.group(1);
        if (m.find()) {
            throw new IllegalStateException(readme + " has more than one ```java block");
        }
        return code;
    }

    /**
     * Evaluates the README example in a fresh kernel and returns facts about its result.
     *
     * @param readme the README file
     * @return "images=N text_share=X" from the example's variables
     * @throws Exception when the example fails
     */
    static String run(Path readme) throws Exception {
        try (ParrotKernel kernel = new ParrotKernel(KernelConfig.defaults())) {
            Object table = kernel.evalRaw(code(readme));
            if (!(table instanceof tech.tablesaw.api.Table t)) {
                throw new AssertionError("the example should end on a Table, got " + table);
            }
            Object share = kernel.evalRaw("stats.table1(Matching.EXACT).textShare()");
            // row "images", column of exact matching
            return "images=" + t.doubleColumn("exact").get(0) + " text_share=" + share;
        }
    }

    /**
     * Child-JVM entry point.
     *
     * @param args the README path
     * @throws Exception when the example fails (non-zero exit)
     */
    public static void main(String[] args) throws Exception {
        System.out.println("RESULT " + run(Path.of(args[0])));
        System.exit(0);
    }
}
