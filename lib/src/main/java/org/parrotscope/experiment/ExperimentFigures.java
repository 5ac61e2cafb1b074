package org.parrotscope.experiment;

import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.api.BoxPlot;
import tech.tablesaw.plotly.api.VerticalBarPlot;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;

/** Figs. 8 and 9 of the subset experiment as Tablesaw figures ({@code viz.Plot.of} renders and saves them). */
public final class ExperimentFigures {

    private ExperimentFigures() {}

    /**
     * Fig. 8: the distribution of each model's Sync scores (every rendered 1-gram in every style).
     *
     * @param r the results
     * @return a box plot, one box per model
     */
    public static Figure fig8(ExperimentResults r) {
        return BoxPlot.create("Fig. 8: Sync scores per model", PaperTables.fig8(r), "model", "sync");
    }

    /**
     * Fig. 9: each model's mean CLIP score on held-out pairs without text, with Co-Emb. text, and after All-Emb. and
     * Co-Emb. removal.
     *
     * @param r the results
     * @return grouped bars, one group per model
     */
    public static Figure fig9(ExperimentResults r) {
        Table t = PaperTables.fig9(r);
        return VerticalBarPlot.create(
                "Fig. 9: held-out CLIP scores per model",
                t,
                "model",
                Layout.BarMode.GROUP,
                "without_text",
                "with_text",
                "all_removed",
                "co_removed");
    }
}
