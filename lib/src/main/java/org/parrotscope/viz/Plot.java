package org.parrotscope.viz;

import io.github.spencerpark.jupyter.kernel.display.DisplayDataRenderable;
import io.github.spencerpark.jupyter.kernel.display.RenderContext;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.nio.file.Path;
import java.util.Set;
import java.util.UUID;
import org.parrotscope.util.AtomicFiles;
import tech.tablesaw.plotly.components.Figure;

/**
 * A Tablesaw/Plotly figure as a value: in a notebook it renders as HTML (plotly.js embedded once per
 * session, see {@link PlotlyJs}); outside one it prints a one-line summary and saves as a standalone,
 * offline HTML file.
 *
 * @param figure the figure
 * @param title a title for summaries and saved pages
 */
public record Plot(Figure figure, String title) implements DisplayDataRenderable {

    /** Validates. */
    public Plot {
        if (figure == null) {
            throw new IllegalArgumentException("figure must not be null");
        }
        title = title == null || title.isBlank() ? "figure" : title;
    }

    /**
     * @param figure a Tablesaw figure
     * @return the figure as a plot, titled by its layout
     */
    public static Plot of(Figure figure) {
        String t = figure.getLayout() == null ? null : figure.getLayout().getTitle();
        return new Plot(figure, t);
    }

    /**
     * @param divId the id of the div the figure draws into
     * @return the div and the script drawing into it (plotly.js not included)
     */
    public String fragment(String divId) {
        return figure.divString(divId) + figure.asJavascript(divId);
    }

    @Override
    public Set<MIMEType> getSupportedRenderTypes() {
        return Set.of(MIMEType.TEXT_HTML, MIMEType.TEXT_PLAIN);
    }

    @Override
    public Set<MIMEType> getPreferredRenderTypes() {
        // The HTML; text/plain is only the one-line summary (never a copy of the ~1 MB HTML).
        return Set.of(MIMEType.TEXT_HTML);
    }

    @Override
    public void render(RenderContext ctx) {
        // Tablesaw also uses the div id in a JavaScript variable name, so it must be an identifier.
        String divId = "psplot_" + UUID.randomUUID().toString().replace("-", "");
        ctx.renderIfRequested(MIMEType.TEXT_HTML, () -> PlotlyJs.inlineScriptOnce() + fragment(divId));
        ctx.renderIfRequested(MIMEType.TEXT_PLAIN, this::toString);
    }

    /**
     * Saves a standalone HTML page that draws the figure without network access.
     *
     * @param file the .html file, written atomically
     * @return the file
     */
    public Path save(Path file) {
        AtomicFiles.writeString(
                file,
                "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + Html.escape(title) + "</title>\n"
                        + PlotlyJs.inlineScript() + "</head><body>\n" + fragment("plot") + "\n</body></html>\n");
        return file;
    }

    @Override
    public String toString() {
        return "Plot[" + title + ", " + figure.getTraces().length + " trace(s)]";
    }
}
