package org.parrotscope.eval;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.parrotscope.clip.ClipModel;
import org.parrotscope.clip.ClipPreprocessor;
import org.parrotscope.train.Tokenizer;
import org.parrotscope.train.Tokenizers;

/**
 * A CLIP model as an {@link Embedder}: OpenCLIP's evaluation preprocessing from the model folder's
 * {@code preprocess_cfg} and the folder's tokenizer (a word vocabulary of a model we trained, or the CLIP BPE
 * of a pretrained one). Works for any model folder {@link ClipModel#load} reads.
 */
public final class ClipEmbedder implements Embedder, AutoCloseable {

    private final ClipModel model;
    private final Tokenizer tokenizer;
    private final ClipPreprocessor preprocessor;
    private final boolean owned;

    /**
     * Wraps a loaded model (not closed by {@link #close()}).
     *
     * @param model the model
     * @param tokenizer its tokenizer
     */
    public ClipEmbedder(ClipModel model, Tokenizer tokenizer) {
        this(model, tokenizer, false);
    }

    private ClipEmbedder(ClipModel model, Tokenizer tokenizer, boolean owned) {
        this.model = model;
        this.tokenizer = tokenizer;
        this.preprocessor = ClipPreprocessor.fromConfig(
                model.preprocessConfig(), model.config().vision().imageSize());
        this.owned = owned;
    }

    /**
     * Loads a model folder with its tokenizer.
     *
     * @param modelDir the folder
     * @param bpeVocab a CLIP BPE vocabulary for a folder without tokenizer files, or null
     * @return the embedder; close it
     * @throws IOException when the folder cannot be loaded
     */
    public static ClipEmbedder open(Path modelDir, Path bpeVocab) throws IOException {
        ClipModel m = ClipModel.load(modelDir);
        try {
            int ctx = m.config().text().contextLength();
            Tokenizer t = bpeVocab != null
                    ? org.parrotscope.train.BpeTokenizer.open(bpeVocab, ctx)
                    : Tokenizers.load(modelDir, ctx);
            return new ClipEmbedder(m, t, true);
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
        return model.encodeTexts(tokenizer.encode(texts));
    }

    @Override
    public void close() {
        if (owned) {
            model.close();
        }
    }
}
