package org.parrotscope.spark;

import java.io.PrintWriter;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;
import org.parrotscope.cli.ModelOptions;
import org.parrotscope.clip.ComputeDevice;

/**
 * The driver's side of {@code --device}/{@code --gpus} on {@code spark score} and {@code spark ablate}: the same
 * choice as on {@code parrotscope score} (the option, else {@value ComputeDevice#ENV}, else auto). Embedded, the
 * executors are this JVM, so the choice is checked and printed exactly as the single-machine command does; on a
 * cluster the driver may have no GPU, so each executor checks it when it loads its model ({@link ExecutorModels})
 * and a GPU it cannot use fails its shards with the same message.
 */
final class SparkDevices {

    private SparkDevices() {}

    /**
     * Checks a choice and prints the device line on {@code err}.
     *
     * @param spark the session
     * @param choice the choice of the options or the environment
     * @param err where the line goes (as the single-machine commands: stderr)
     * @return the choice as text for the executors ({@code cpu}, {@code auto}, {@code gpu:N})
     * @throws IllegalStateException embedded, when a GPU is asked and cannot be used (the single-machine message)
     */
    static String check(SparkSession spark, ComputeDevice.Choice choice, PrintWriter err) {
        if (Sessions.isLocal(spark)) {
            err.println(ComputeDevice.select(choice));
        } else {
            err.println("device: " + text(choice) + ", checked by every executor for its own model");
        }
        err.flush();
        return text(choice);
    }

    /**
     * @param choice a choice
     * @return it as {@link ComputeDevice.Choice#parse} reads it back
     */
    static String text(ComputeDevice.Choice choice) {
        String kind = choice.kind().name().toLowerCase(Locale.ROOT);
        return choice.kind() == ComputeDevice.Kind.GPU ? kind + ":" + choice.gpus() : kind;
    }

    /**
     * @param o the model options
     * @param device the checked device choice
     * @return the model the tasks load, with absolute paths (executors do not share the driver's working folder)
     */
    static ModelRef modelOn(ModelOptions o, String device) {
        return new ModelRef(
                o.model().toAbsolutePath().normalize().toString(),
                o.vocab() == null ? null : o.vocab().toAbsolutePath().toString(),
                device);
    }
}
