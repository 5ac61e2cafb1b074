package org.parrotscope.eval;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.parrotscope.clip.ClipMath;
import org.parrotscope.data.synth.MiniLaion;

/**
 * CLIP zero-shot classification (Radford et al. 2021, Sec. 3.1.4): each class's text embedding is the
 * normalised mean of the normalised embeddings of its prompts ({@code template.replace("{}", class)}); an
 * image is assigned the class of highest cosine similarity.
 *
 * @param classes the class names, index = class id
 * @param templates prompt templates, each containing {@code {}}
 */
public record ZeroShot(List<String> classes, List<String> templates) {

    /** Generic templates for any class list (an image folder): short descriptive contexts and the bare class name. */
    public static final List<String> DEFAULT_TEMPLATES =
            List.of("a {}", "photo of a {}", "illustration of a {}", "{} clipart", "{}");

    /**
     * Templates for mini-LAION concept images: three of the generator's descriptive caption patterns for each object
     * colour, so a class embedding is the mean over colours. Every descriptive mini-LAION caption names the object's
     * colour, so a prompt without one is unlike any training caption; averaging over the nuisance attribute is CLIP's
     * prompt ensembling (Radford et al. 2021, Sec. 3.1.4) applied to colour.
     *
     * @return 3 x 11 templates
     */
    public static List<String> miniLaionTemplates() {
        List<String> out = new ArrayList<>();
        for (String c : MiniLaion.colors()) {
            out.add("a " + c + " {}");
            out.add("illustration of a " + c + " {}");
            out.add(c + " {} clipart");
        }
        return List.copyOf(out);
    }

    /** Validates the class list and templates. */
    public ZeroShot {
        classes = List.copyOf(classes);
        templates = List.copyOf(templates);
        if (classes.isEmpty() || templates.isEmpty()) {
            throw new IllegalArgumentException("zero-shot needs at least one class and one template");
        }
        for (String t : templates) {
            if (!t.contains("{}")) {
                throw new IllegalArgumentException("template without {} placeholder: " + t);
            }
        }
    }

    /**
     * The class weight matrix.
     *
     * @param embedder the model
     * @return (classes, d) normalised class embeddings
     */
    public float[][] classifier(Embedder embedder) {
        float[][] w = new float[classes.size()][];
        for (int c = 0; c < classes.size(); c++) {
            List<String> prompts = new ArrayList<>();
            for (String t : templates) {
                prompts.add(t.replace("{}", classes.get(c)));
            }
            float[][] e = ClipMath.normalize(embedder.embedTexts(prompts));
            float[] mean = new float[e[0].length];
            for (float[] row : e) {
                for (int k = 0; k < mean.length; k++) {
                    mean[k] += row[k] / e.length;
                }
            }
            w[c] = ClipMath.normalize(mean);
        }
        return w;
    }

    /**
     * Classifies labelled images.
     *
     * @param embedder the model
     * @param images images whose labels are among {@link #classes()}
     * @param batch images per embedding call
     * @return the results
     */
    public ZeroShotResult evaluate(Embedder embedder, List<LabelledImage> images, int batch) {
        float[][] w = classifier(embedder);
        return ZeroShotResult.of(classes, logits(embedder, w, images, batch), labels(images));
    }

    /**
     * Cosine scores of every image against every class.
     *
     * @param embedder the model
     * @param classifier the class weights from {@link #classifier(Embedder)}
     * @param images the images
     * @param batch images per embedding call
     * @return (images, classes) scores
     */
    public float[][] logits(Embedder embedder, float[][] classifier, List<LabelledImage> images, int batch) {
        float[][] out = new float[images.size()][];
        for (int from = 0; from < images.size(); from += batch) {
            List<BufferedImage> chunk = new ArrayList<>();
            for (LabelledImage li : images.subList(from, Math.min(images.size(), from + batch))) {
                chunk.add(li.image());
            }
            float[][] s = ClipMath.cosineOfRows(embedder.embedImages(chunk), classifier);
            System.arraycopy(s, 0, out, from, s.length);
        }
        return out;
    }

    /**
     * Class ids of labelled images.
     *
     * @param images the images
     * @return their class ids
     * @throws IllegalArgumentException naming a label that is not a class
     */
    public int[] labels(List<LabelledImage> images) {
        int[] y = new int[images.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = classes.indexOf(images.get(i).label());
            if (y[i] < 0) {
                throw new IllegalArgumentException(
                        "image label '" + images.get(i).label() + "' is not in the class list " + classes);
            }
        }
        return y;
    }

    /**
     * The sorted distinct labels of a set of images.
     *
     * @param images the images
     * @return class names
     */
    public static List<String> classesOf(List<LabelledImage> images) {
        return images.stream()
                .map(LabelledImage::label)
                .filter(Objects::nonNull)
                .distinct()
                .sorted()
                .toList();
    }
}
