package org.parrotscope.cli;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import org.parrotscope.eval.ClipEmbedder;
import org.parrotscope.eval.EvalOptions;
import org.parrotscope.eval.EvalReport;
import org.parrotscope.eval.EvalSuite;
import org.parrotscope.util.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code parrotscope eval}: zero-shot, retrieval, Sync score and typographic probe of a model folder. */
@Command(
        name = "eval",
        mixinStandardHelpOptions = true,
        description = {
            "Evaluate a trained or pretrained (OpenCLIP-layout) model folder. Without --data each suite uses fresh seeded mini-LAION.",
            "--json prints {\"zeroshot\": {\"top1\", \"top5\", ...}, \"retrieval\": {\"i2t_r1\", \"t2i_r1\", ...}, \"sync\": {\"mean\", \"std\", ...}, "
                    + "\"typographic\": {\"true_class_accuracy\", \"written_class_rate\", ...}}."
        })
public final class EvalCommand implements Callable<Integer> {

    @picocli.CommandLine.Mixin
    DeviceOptions deviceOptions = new DeviceOptions();

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--model",
            required = true,
            paramLabel = "DIR",
            description = "Model folder (config.json, model.safetensors, tokenizer).")
    Path model;

    @Option(
            names = "--suite",
            defaultValue = "zeroshot,retrieval,sync,typographic",
            split = ",",
            paramLabel = "NAMES",
            description = "Suites to run (default: ${DEFAULT-VALUE}).")
    List<String> suites;

    @Option(
            names = "--data",
            split = ",",
            paramLabel = "SHARDS",
            description = "Shards for every suite (classes from truth.class) instead of fresh mini-LAION.")
    List<String> data = List.of();

    @Option(
            names = "--image-folder",
            paramLabel = "DIR",
            description = "ImageNet-layout folder (DIR/CLASS/*.jpg) for zero-shot and typographic.")
    Path imageFolder;

    @Option(
            names = "--vocab",
            paramLabel = "FILE",
            description = "Tokenizer (vocabulary file or folder) instead of the model folder's.")
    Path vocab;

    @Option(
            names = "--seed",
            defaultValue = "1000003",
            paramLabel = "S",
            description = "Seed of the generated sets (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--images",
            defaultValue = "800",
            paramLabel = "N",
            description = "Zero-shot / typographic images (default: ${DEFAULT-VALUE}).")
    int images;

    @Option(
            names = "--pairs",
            defaultValue = "500",
            paramLabel = "N",
            description = "Retrieval pairs (default: ${DEFAULT-VALUE}).")
    int pairs;

    @Option(
            names = "--ngrams",
            defaultValue = "200",
            paramLabel = "N",
            description = "Sync-benchmark 1-grams (default: ${DEFAULT-VALUE}).")
    int ngrams;

    @Option(
            names = "--template",
            paramLabel = "T",
            description =
                    "Prompt template with {} (repeatable; default: 3 caption patterns x 11 colours on mini-LAION, 5 generic ones on --image-folder).")
    List<String> templates;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        deviceOptions.apply(spec.commandLine().getErr());
        EvalOptions opt = EvalOptions.builder()
                .optSuites(new LinkedHashSet<>(suites))
                .optData(data)
                .optImageFolder(imageFolder)
                .optSeed(seed)
                .optZeroShotImages(images)
                .optRetrievalPairs(pairs)
                .optSyncVocabulary(ngrams)
                .optTemplates(templates == null ? List.of() : templates)
                .build();
        try (ClipEmbedder e = ClipEmbedder.open(model, vocab)) {
            EvalReport r = EvalSuite.run(e, opt);
            spec.commandLine().getOut().println(json ? Json.PRETTY.toJson(r.toJson()) : r.toText());
            spec.commandLine().getOut().flush();
        }
        return 0;
    }
}
