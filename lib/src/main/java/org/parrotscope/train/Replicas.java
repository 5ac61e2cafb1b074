package org.parrotscope.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Data-parallel replicas of a model's weights, one per device, as PyTorch's {@code DistributedDataParallel} keeps
 * them: replica 0 is the model's own parameters (the master weights, the only ones the optimizer updates); every
 * other replica is a copy of the master weights made at the start of each step ({@link #broadcast()}) on its
 * device, and its gradients are added into the master gradients after backward ({@link #reduceGradients()}). So all
 * replicas hold identical weights in every forward, one optimizer state exists, and clipping, the non-finite guard
 * and the logit-scale clamp see the whole batch's gradient and the one master value.
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

    /**
     * @param devices one device per replica, the first holding the master weights; repeats allowed (tests)
     * @param parameters the model's parameters (the master weights, on {@code devices.get(0)})
     * @param manager the model's manager; replicas' copies live in sub-managers of a base manager on each device
     */
    Replicas(List<Device> devices, Collection<Parameter> parameters, NDManager manager) {
        if (devices.isEmpty()) {
            throw new IllegalArgumentException("need at least one device");
        }
        this.devices = List.copyOf(devices);
        this.parameters = parameters;
        this.steps = new NDManager[devices.size()];
        for (int r = 0; r < devices.size(); r++) {
            Map<String, NDArray> values = new HashMap<>();
            copies.add(values);
            bases.add(r == 0 ? null : manager.getEngine().newBaseManager(devices.get(r)));
            stores.add(new Store(manager, values));
        }
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

    /** Copies the master weights to every other replica (fresh arrays with fresh, empty gradients). */
    void broadcast() {
        for (int r = 1; r < devices.size(); r++) {
            release(r);
            NDManager m = bases.get(r).newSubManager();
            steps[r] = m;
            Map<String, NDArray> values = copies.get(r);
            for (Parameter p : parameters) {
                NDArray w = p.getArray();
                // on the same device DJL's toDevice(copy) returns an alias whose gradient is the master's
                // (measured: both got the sum); duplicate() is a real copy
                NDArray c = w.getDevice().equals(devices.get(r)) ? w.duplicate() : w.toDevice(devices.get(r), true);
                c.attach(m);
                c.setRequiresGradient(p.requiresGradient());
                values.put(p.getId(), c);
            }
        }
    }

    /** Adds every other replica's gradients into the master gradients, then frees the copies. */
    void reduceGradients() {
        for (int r = 1; r < devices.size(); r++) {
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
                    NDArray here = g.toDevice(master.getDevice(), false);
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
        for (int r = 1; r < devices.size(); r++) {
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
