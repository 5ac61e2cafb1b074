package org.parrotscope.viz;

import java.util.Locale;
import org.parrotscope.util.Progress;

/**
 * One state of a progress bar as a notebook output: an HTML {@code <progress>} element with the
 * description ({@code ocr 120/500 (24%) 31.2/s eta 12s}), and the description as text.
 * {@link Notebook#progress(String, long)} shows one and replaces it in place as the run advances.
 *
 * @param state the progress snapshot
 */
public record ProgressBar(Progress.State state) implements HtmlRenderable {

    /** Validates. */
    public ProgressBar {
        if (state == null) {
            throw new IllegalArgumentException("state must not be null");
        }
    }

    /** @return the HTML bar */
    @Override
    public String html() {
        String bar = state.total() > 0
                ? String.format(
                        Locale.ROOT,
                        "<progress value=\"%d\" max=\"%d\" style=\"width:300px\"></progress> ",
                        Math.min(state.done(), state.total()),
                        state.total())
                : "";
        return "<div class=\"ps-progress\">" + bar + "<code>" + Html.escape(state.describe()) + "</code></div>";
    }

    @Override
    public String toString() {
        return state.describe();
    }
}
