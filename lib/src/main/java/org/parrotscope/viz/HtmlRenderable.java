package org.parrotscope.viz;

import io.github.spencerpark.jupyter.kernel.display.DisplayDataRenderable;
import io.github.spencerpark.jupyter.kernel.display.RenderContext;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.util.Set;

/** A value shown as text/html in a notebook, with its {@code toString()} as the text/plain form. */
interface HtmlRenderable extends DisplayDataRenderable {

    /** @return the HTML fragment */
    String html();

    @Override
    default Set<MIMEType> getSupportedRenderTypes() {
        return Set.of(MIMEType.TEXT_HTML, MIMEType.TEXT_PLAIN);
    }

    @Override
    default Set<MIMEType> getPreferredRenderTypes() {
        return Set.of(MIMEType.TEXT_HTML, MIMEType.TEXT_PLAIN);
    }

    @Override
    default void render(RenderContext ctx) {
        ctx.renderIfRequested(MIMEType.TEXT_HTML, this::html);
        ctx.renderIfRequested(MIMEType.TEXT_PLAIN, this::toString);
    }
}
