package org.parrotscope.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Data-parallel replicas of a model's weights, one per device, as PyTorch's {@code DistributedDataParallel} keeps
 * them: replica 0 is the model's own parameters (the master weights, the only ones the optimizer updates); every
 * other replica is a copy of the master weights made at the start of each step ({@link #broadcast()}) on its
 * device, and its gradients are added into the master gradients after backward ({@link #reduceGradients()}). So all
 * replicas hold identical weights in every forward, one optimizer state exists, and clipping, the non-finite guard
 * and the logit-scale clamp see the whole batch's gradient and the one master value.
 *
 * <p>In an fp16 run ({@link Precision#FP16}) every replica, the first included, gets half copies of the master
 * weights at each broadcast (the logit scale excepted: the float32 loss reads the master), and their half gradients
 * are added as float32 into the master gradients; the master weights never enter the graph.
 *
 * <p>DJL's own multi-device training ({@code Trainer} with several devices) keeps one optimizer state per device
 * seeded from the first device's already-updated state, zeroes only the first device's gradients and cannot be
 * exercised on a CPU (the PyTorch engine maps {@code cpu(1)} to {@code cpu()}). The replicas here do not depend on
 * the devices being different, so a list of two CPU devices tests the whole data-parallel path.
 */
final class Replicas implements AutoCloseable {

    private final List<Device> devices;
    private final Collection<Parameter> parameters;
    private final List<Map<String, NDArray>> copies = new ArrayList<>();
    private final List<NDManager> bases = new ArrayList<>();
    private final NDManager[] steps;
    private final List<ParameterStore> stores = new ArrayList<>();
    private final DataType compute;
    private final Predicate<String> keepFloat32;
    private final int first; // the first replica with copies: 1 in fp32 (replica 0 reads the masters), 0 in fp16

    /**
     * @param devices one device per replica, the first holding the master weights; repeats allowed (tests)
     * @param parameters the model's parameters (the master weights, on {@code devices.get(0)})
     * @param manager the model's manager; replicas' copies live in sub-managers of a base manager on each device
     */
    Replicas(List<Device> devices, Collection<Parameter> parameters, NDManager manager) {
        this(devices, parameters, manager, DataType.FLOAT32, id -> true);
    }

    /**
     * @param devices one device per replica, the first holding the master weights; repeats allowed (tests)
     * @param parameters the model's parameters (the master weights, float32, on {@code devices.get(0)})
     * @param manager the model's manager
     * @param compute the type of the forward pass: {@code FLOAT16} gives every replica, the first included, half
     *     copies of the weights each step, whose gradients are added into the float32 master gradients
     * @param keepFloat32 parameter ids used in float32 even in an fp16 forward (the logit scale, which only the
     *     float32 loss reads)
     */
    Replicas(
            List<Device> devices,
            Collection<Parameter> parameters,
            NDManager manager,
            DataType compute,
            Predicate<String> keepFloat32) {
        if (devices.isEmpty()) {
            throw new IllegalArgumentException("need at least one device");
        }
        this.devices = List.copyOf(devices);
        this.parameters = parameters;
        this.compute = compute;
        this.keepFloat32 = keepFloat32;
        this.first = compute == DataType.FLOAT32 ? 1 : 0;
        this.steps = new NDManager[devices.size()];
        for (int r = 0; r < devices.size(); r++) {
            Map<String, NDArray> values = new HashMap<>();
            copies.add(values);
            bases.add(r < first ? null : manager.getEngine().newBaseManager(devices.get(r)));
            stores.add(new Store(manager, values));
        }
        if (first == 0) {
            defineGradients(manager);
        }
    }

    /**
     * Makes the master weights' gradient arrays exist: PyTorch creates a gradient at the first backward that reaches
     * the weight, and in an fp16 run only the half copies are in the graph. One backward of the weights' sum, then
     * zeros.
     */
    private void defineGradients(NDManager manager) {
        try (NDManager scope = manager.newSubManager();
                GradientCollector gc = manager.getEngine().newGradientCollector()) {
            NDList sums = new NDList();
            for (Parameter p : parameters) {
                if (p.requiresGradient()) {
                    NDArray s = p.getArray().sum();
                    s.attach(scope);
                    sums.add(s);
                }
            }
            if (!sums.isEmpty()) {
                NDArray total = NDArrays.stack(sums).sum();
                total.attach(scope);
                gc.backward(total);
            }
        }
        Gradients.clear(parameters);
    }

    /** @return the number of replicas */
    int size() {
        return devices.size();
    }

    /** @return the device of replica {@code r} */
    Device device(int r) {
        return devices.get(r);
    }

    /** @return the devices */
    List<Device> devices() {
        return devices;
    }

    /** @return the parameter store through which a forward pass reads replica {@code r}'s weights */
    ParameterStore store(int r) {
        return stores.get(r);
    }

    /**
     * Copies the master weights to every other replica (fresh arrays with fresh, empty gradients); in an fp16 run
     * also to the first, as half copies.
     */
    void broadcast() {
        for (int r = first; r < devices.size(); r++) {
            release(r);
            NDManager m = bases.get(r).newSubManager();
            steps[r] = m;
            Map<String, NDArray> values = copies.get(r);
            Device d = devices.get(r);
            for (Parameter p : parameters) {
                NDArray w = p.getArray();
                boolean half = compute != DataType.FLOAT32 && !keepFloat32.test(p.getId());
                NDArray c;
                if (half) {
                    // cast where the master lives, then move half the bytes (toType runs without autograd: the
                    // copy is a leaf of the step's graph, whose gradient reduceGradients adds to the master's)
                    NDArray cast = w.toType(compute, true);
                    c = cast.toDevice(d, false);
                    if (c != cast) {
                        cast.close();
                    }
                } else if (r == 0) {
                    continue; // the master itself, in float32: its gradient accumulates in place
                } else {
                    // on the same device DJL's toDevice(copy) returns an alias whose gradient is the master's
                    // (measured: both got the sum); duplicate() is a real copy
                    c = w.getDevice().equals(d) ? w.duplicate() : w.toDevice(d, true);
                }
                c.attach(m);
                c.setRequiresGradient(p.requiresGradient());
                values.put(p.getId(), c);
            }
        }
    }

    /** Adds the replicas' gradients (as float32) into the master gradients, then frees the copies. */
    void reduceGradients() {
        for (int r = first; r < devices.size(); r++) {
            Map<String, NDArray> values = copies.get(r);
            for (Parameter p : parameters) {
                NDArray c = values.get(p.getId());
                if (c == null || !p.requiresGradient() || !c.hasGradient()) {
                    continue;
                }
                NDArray master = p.getArray();
                try (NDManager scope = steps[r].newSubManager()) {
                    NDArray g = c.getGradient();
                    g.attach(scope);
                    NDArray wide = g.getDataType() == master.getDataType() ? g : g.toType(master.getDataType(), false);
                    wide.attach(scope);
                    NDArray here = wide.toDevice(master.getDevice(), false);
                    here.attach(scope);
                    NDArray mg = master.getGradient();
                    mg.attach(scope); // the wrapper only; the gradient stays with the master weight
                    mg.addi(here);
                }
            }
            release(r);
        }
    }

    /** Frees replica {@code r}'s copies. */
    private void release(int r) {
        copies.get(r).clear();
        if (steps[r] != null) {
            steps[r].close();
            steps[r] = null;
        }
    }

    @Override
    public void close() {
        for (int r = first; r < devices.size(); r++) {
            release(r);
            bases.get(r).close();
        }
    }

    /** Reads replica weights by parameter id; replica 0's map is empty, so it reads the parameters themselves. */
    private static final class Store extends ParameterStore {
        private final Map<String, NDArray> values;

        Store(NDManager manager, Map<String, NDArray> values) {
            super(manager, false);
            this.values = values;
        }

        @Override
        public NDArray getValue(Parameter parameter, Device device, boolean training) {
            if (parameter == null) {
                return null;
            }
            NDArray v = values.get(parameter.getId());
            return v != null ? v : parameter.getArray();
        }
    }
}
