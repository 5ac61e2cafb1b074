package org.parrotscope.eval;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.parrotscope.clip.ClipModel;
import org.parrotscope.clip.ClipPreprocessor;
import org.parrotscope.clip.TextTokenizer;
import org.parrotscope.clip.Tokenizers;

/**
 * A CLIP model as an {@link Embedder}: OpenCLIP's evaluation preprocessing from the model folder's
 * {@code preprocess_cfg} and the folder's tokenizer (a word vocabulary of a model we trained, or the CLIP BPE
 * of a pretrained one). Works for any model folder {@link ClipModel#load} reads.
 */
public final class ClipEmbedder implements Embedder, AutoCloseable {

    private final ClipModel model;
    private final TextTokenizer tokenizer;
    private final ClipPreprocessor preprocessor;
    private final boolean owned;

    /**
     * Wraps a loaded model (not closed by {@link #close()}).
     *
     * @param model the model
     * @param tokenizer its tokenizer
     */
    public ClipEmbedder(ClipModel model, TextTokenizer tokenizer) {
        this(model, tokenizer, false);
    }

    private ClipEmbedder(ClipModel model, TextTokenizer tokenizer, boolean owned) {
        this.model = model;
        this.tokenizer = tokenizer;
        this.preprocessor = ClipPreprocessor.fromConfig(
                model.preprocessConfig(), model.config().vision().imageSize());
        this.owned = owned;
    }

    /**
     * Loads a model folder with its tokenizer ({@link Tokenizers#forModel(Path, Path)}).
     *
     * @param modelDir the folder
     * @param vocab a vocabulary overriding the folder's tokenizer, or null
     * @return the embedder; close it
     * @throws IOException when the folder cannot be loaded
     */
    public static ClipEmbedder open(Path modelDir, Path vocab) throws IOException {
        ClipModel m = ClipModel.load(modelDir);
        try {
            return new ClipEmbedder(m, Tokenizers.forModel(modelDir, vocab), true);
        } catch (IOException | RuntimeException e) {
            m.close();
            throw e;
        }
    }

    @Override
    public int imageSize() {
        return model.config().vision().imageSize();
    }

    @Override
    public float[][] embedImages(List<BufferedImage> images) {
        return model.encodeImages(preprocessor.apply(images), images.size());
    }

    @Override
    public float[][] embedTexts(List<String> texts) {
        return model.encodeTexts(tokenizer.tokenize(texts, model.config().text().contextLength()));
    }

    @Override
    public void close() {
        if (owned) {
            model.close();
        }
    }
}
