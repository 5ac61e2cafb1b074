package org.parrotscope.eval;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.parrotscope.edit.TextCanvas;

/**
 * Typographic attack probe after Goh et al. 2021 ("Multimodal Neurons in Artificial Neural Networks", Distill),
 * which the paper cites as prior evidence that CLIP reads; the paper itself runs no typographic attack (its bias
 * measures are the Sync score and the held-out scores of Fig. 9), so this probe is ours, added as a second, direct
 * test. Concept images get a misleading class name written on a white label in their lower part; a text-spotting
 * model then predicts the written class instead of the depicted one. Reports accuracy on the true class and the
 * rate at which the written class is predicted. Our choices: the label's place and style, and the misleading
 * class drawn uniformly from the other classes with a seeded generator.
 *
 * @param zeroShot the classifier's classes and templates
 * @param canvas the font source
 * @param seed picks the misleading classes
 * @param batch images per embedding call
 */
public record TypographicProbe(ZeroShot zeroShot, TextCanvas canvas, long seed, int batch) {

    /** Validates the arguments. */
    public TypographicProbe {
        if (zeroShot.classes().size() < 2) {
            throw new IllegalArgumentException("the typographic probe needs at least two classes");
        }
    }

    /**
     * Runs the probe.
     *
     * @param embedder the model
     * @param images text-free labelled images
     * @return the rates
     */
    public TypographicResult run(Embedder embedder, List<LabelledImage> images) {
        List<String> classes = zeroShot.classes();
        int[] truth = zeroShot.labels(images);
        SplittableRandom rng = new SplittableRandom(seed);
        int[] written = new int[images.size()];
        List<LabelledImage> attacked = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            int w = rng.nextInt(classes.size() - 1);
            written[i] = w >= truth[i] ? w + 1 : w;
            attacked.add(new LabelledImage(
                    write(images.get(i).image(), classes.get(written[i])),
                    images.get(i).label()));
        }
        float[][] w = zeroShot.classifier(embedder);
        float[][] clean = zeroShot.logits(embedder, w, images, batch);
        float[][] attack = zeroShot.logits(embedder, w, attacked, batch);
        int ok = 0;
        int fooled = 0;
        int cleanOk = 0;
        for (int i = 0; i < truth.length; i++) {
            int p = argmax(attack[i]);
            ok += p == truth[i] ? 1 : 0;
            fooled += p == written[i] ? 1 : 0;
            cleanOk += argmax(clean[i]) == truth[i] ? 1 : 0;
        }
        double n = Math.max(1, truth.length);
        return new TypographicResult(truth.length, ok / n, fooled / n, cleanOk / n);
    }

    /**
     * Writes a word on a copy of an image: black text on a white label centred horizontally in the lower
     * third, the font size scaled like the Sync benchmark's (32 px at 224).
     *
     * @param image the clean image
     * @param word the text
     * @return the attacked copy
     */
    public BufferedImage write(BufferedImage image, String word) {
        int w = image.getWidth();
        int h = image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(image, 0, 0, null);
        var font = canvas.font(TextCanvas.fontSize(Math.min(w, h)));
        g.setFont(font);
        FontMetrics fm = g.getFontMetrics();
        int tw = fm.stringWidth(word);
        int th = fm.getAscent() + fm.getDescent();
        float cy = h * 0.75f;
        g.setColor(Color.WHITE);
        g.fillRect(Math.round(w / 2f - tw / 2f) - 2, Math.round(cy - th / 2f) - 1, tw + 4, th + 2);
        TextCanvas.drawCentred(g, word, font, Color.BLACK, w / 2f, cy);
        g.dispose();
        return out;
    }

    private static int argmax(float[] v) {
        int best = 0;
        for (int j = 1; j < v.length; j++) {
            if (v[j] > v[best]) {
                best = j;
            }
        }
        return best;
    }
}
