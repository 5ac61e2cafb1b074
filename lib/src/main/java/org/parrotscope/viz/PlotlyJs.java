package org.parrotscope.viz;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * plotly.js for offline figures, read from the {@code org.webjars.bower:plotly.js} webjar on the
 * classpath (no CDN). Tablesaw emits the plotly 1.x API, which this webjar matches. The cartesian bundle
 * (scatter, bar, histogram, box, heatmap, pie: every 2D trace Tablesaw's jsplot makes) is used: a
 * quarter of the full bundle's 3.4 MB, so a notebook with plots stays about 1 MB.
 */
public final class PlotlyJs {

    private static final String WEBJAR = "META-INF/resources/webjars/plotly.js/";
    private static final String BUNDLE = "dist/plotly-cartesian.min.js";
    private static final AtomicBoolean EMBEDDED = new AtomicBoolean();
    private static volatile String script;

    private PlotlyJs() {}

    /** @return the plotly.js version of the webjar on the classpath */
    public static String version() {
        try (InputStream in = resource("META-INF/maven/org.webjars.bower/plotly.js/pom.properties")) {
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the plotly.js webjar's pom.properties", e);
        }
    }

    /**
     * The library as one inline {@code <script>}, safe under require.js: Debian's notebook and nbconvert
     * HTML load require.js, and a UMD bundle that sees {@code define.amd} registers as an AMD module and
     * leaves {@code window.Plotly} undefined (blank plots), so {@code define} is hidden while it loads.
     *
     * @return the script element
     */
    public static String inlineScript() {
        String s = script;
        if (s == null) {
            try (InputStream in = resource(WEBJAR + version() + "/" + BUNDLE)) {
                String js = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                s = "<script type=\"text/javascript\">var __psDefine = window.define; window.define = undefined;\n" + js
                        + "\n;window.define = __psDefine;</script>\n";
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + BUNDLE + " from the plotly.js webjar", e);
            }
            script = s;
        }
        return s;
    }

    /**
     * The script for the first figure shown in this JVM (one kernel session, so one notebook run), and
     * an empty string afterwards: later figures reuse the already loaded {@code window.Plotly}.
     *
     * @return the inline script once, then ""
     */
    public static String inlineScriptOnce() {
        return EMBEDDED.compareAndSet(false, true) ? inlineScript() : "";
    }

    /**
     * Makes the next figure embed plotly.js again, e.g. after clearing the output that held it in an
     * interactive session.
     */
    public static void reset() {
        EMBEDDED.set(false);
    }

    private static InputStream resource(String path) throws IOException {
        InputStream in = PlotlyJs.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IOException("resource " + path + " not on the classpath (org.webjars.bower:plotly.js missing?)");
        }
        return in;
    }
}
