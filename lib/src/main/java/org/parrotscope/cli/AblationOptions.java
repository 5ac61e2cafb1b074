package org.parrotscope.cli;

import org.parrotscope.data.ImageDecoder;
import org.parrotscope.edit.InpaintConfig;
import org.parrotscope.parrot.Matching;
import picocli.CommandLine.Option;

/**
 * The text-removal settings of {@code ablate} and {@code spark ablate} (inpainting, matching, donor seed, image
 * size limit), one name, default and help text each.
 */
public final class AblationOptions {

    @Option(
            names = "--radius",
            defaultValue = "3",
            paramLabel = "PX",
            description = "Telea inpainting radius (default ${DEFAULT-VALUE})")
    double radius;

    @Option(
            names = "--dilation",
            defaultValue = "2",
            paramLabel = "PX",
            description = "grow the word polygons by this before inpainting (default ${DEFAULT-VALUE})")
    int dilation;

    @Option(
            names = "--matching",
            defaultValue = "exact",
            paramLabel = "exact|normalized|fuzzy",
            description = "which caption matching decides Co-Emb. words (default ${DEFAULT-VALUE}, Algorithm 1)")
    String matching;

    @Option(
            names = "--seed",
            defaultValue = "0",
            description = "seed of the random baselines' donors (default ${DEFAULT-VALUE})")
    long seed;

    @Option(
            names = "--max-pixels",
            defaultValue = "" + ImageDecoder.DEFAULT_MAX_PIXELS,
            paramLabel = "P",
            description = "refuse images with more pixels (default: ${DEFAULT-VALUE})")
    long maxPixels;

    /** @return the Telea radius in pixels */
    public double radius() {
        return radius;
    }

    /** @return the mask growth in pixels */
    public int dilation() {
        return dilation;
    }

    /** @return the matching's label, checked: a bad label fails here, naming the accepted ones */
    public String matchingLabel() {
        Matching.ofLabel(matching);
        return matching;
    }

    /** @return the donor seed of the random baselines */
    public long seed() {
        return seed;
    }

    /** @return the largest image accepted, in pixels */
    public long maxPixels() {
        return maxPixels;
    }

    /**
     * The inpainting settings of a radius and dilation (also rebuilt from plain values on a Spark executor).
     *
     * @param radius the Telea radius
     * @param dilation the mask growth
     * @return the settings
     */
    public static InpaintConfig inpaint(double radius, int dilation) {
        return InpaintConfig.builder().optRadius(radius).optDilation(dilation).build();
    }
}
