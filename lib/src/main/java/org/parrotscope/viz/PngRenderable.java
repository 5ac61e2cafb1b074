package org.parrotscope.viz;

import io.github.spencerpark.jupyter.kernel.display.DisplayDataRenderable;
import io.github.spencerpark.jupyter.kernel.display.RenderContext;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.util.Base64;
import java.util.Set;

/** A value shown as an image/png in a notebook, with its {@code toString()} as the text/plain form. */
interface PngRenderable extends DisplayDataRenderable {

    /** @return the value encoded as PNG */
    byte[] png();

    @Override
    default Set<MIMEType> getSupportedRenderTypes() {
        return Set.of(MIMEType.IMAGE_PNG, MIMEType.TEXT_PLAIN);
    }

    @Override
    default Set<MIMEType> getPreferredRenderTypes() {
        return Set.of(MIMEType.IMAGE_PNG, MIMEType.TEXT_PLAIN);
    }

    @Override
    default void render(RenderContext ctx) {
        ctx.renderIfRequested(MIMEType.IMAGE_PNG, () -> Base64.getEncoder().encodeToString(png()));
        ctx.renderIfRequested(MIMEType.TEXT_PLAIN, this::toString);
    }
}
