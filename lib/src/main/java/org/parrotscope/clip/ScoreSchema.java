package org.parrotscope.clip;

import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.schema.MessageTypeParser;
import org.parrotscope.data.Sample;
import org.parrotscope.util.ParquetTable;

/**
 * The Parquet table of CLIP scores (paper Step 0), one row per scored sample in shard order: {@code key},
 * {@code shard}, {@code caption}, {@code url} (null when the sample's metadata has none), {@code model} (the model
 * folder as given to the command, made absolute), {@code score} (cosine of the normalised image and caption
 * embeddings) and, with {@code --embeddings}, {@code image_embedding} and {@code text_embedding} (the normalised
 * embeddings; null without). Samples that could not be scored have no row; they are listed in
 * {@code <shard>.skipped.jsonl}. Written by {@code score --format parquet} and {@code spark score}.
 */
public final class ScoreSchema {

    /** The table: name {@code score}, schema version 1. */
    public static final ParquetTable TABLE = new ParquetTable(
            "score",
            "1",
            MessageTypeParser.parseMessageType("message parrotscope_score {\n"
                    + "  required binary key (STRING);\n"
                    + "  required binary shard (STRING);\n"
                    + "  required binary caption (STRING);\n"
                    + "  optional binary url (STRING);\n"
                    + "  required binary model (STRING);\n"
                    + "  required double score;\n"
                    + "  optional group image_embedding (LIST) { repeated group list { required float element; } }\n"
                    + "  optional group text_embedding (LIST) { repeated group list { required float element; } }\n"
                    + "}\n"));

    private ScoreSchema() {}

    /**
     * The {@code model} column's value: the model folder, absolute and normalised.
     *
     * @param modelDir the folder as given to the command
     * @return its name in the rows
     */
    public static String modelName(java.nio.file.Path modelDir) {
        return modelDir.toAbsolutePath().normalize().toString();
    }

    /**
     * One row.
     *
     * @param factory the group factory of {@link #TABLE}
     * @param shard the shard name
     * @param model the model label
     * @param sample the sample
     * @param scored its score and embeddings
     * @param embeddings whether to store the embeddings
     * @return the row
     */
    public static Group row(
            SimpleGroupFactory factory,
            String shard,
            String model,
            Sample sample,
            ShardScorer.Scored scored,
            boolean embeddings) {
        Group g = factory.newGroup();
        g.add("key", scored.key());
        g.add("shard", shard);
        g.add("caption", sample.caption() == null ? "" : sample.caption());
        if (sample.metadata().has("url") && sample.metadata().get("url").isJsonPrimitive()) {
            g.add("url", sample.metadata().get("url").getAsString());
        }
        g.add("model", model);
        g.add("score", (double) scored.clipScore());
        if (embeddings) {
            list(g.addGroup("image_embedding"), scored.imageEmbed());
            list(g.addGroup("text_embedding"), scored.textEmbed());
        }
        return g;
    }

    private static void list(Group list, float[] values) {
        for (float v : values) {
            list.addGroup("list").add("element", v);
        }
    }
}
