package org.parrotscope.edit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Chooses the donor image of the random-area baselines (paper §5.1: "sampling other image's text areas"; how the
 * donor is chosen is not said, PAPER.md Q6). Ours: uniformly among the other images of the same pool that have
 * polygons for the removal (any spotted word for All, a Co-Emb. word for Co), with a generator seeded by the run
 * seed and the target's key, so a target gets the same donor whatever else runs and in whichever order: resumed
 * and parallel runs agree. The pool is a shard, which keeps memory bounded and shards independent.
 */
public final class DonorSampler {

    private final long seed;
    private final Map<Removal, List<TextRegions>> candidates = new EnumMap<>(Removal.class);

    /**
     * @param pool the images donors are drawn from (images without the removal's polygons are ignored)
     * @param seed the run seed
     */
    public DonorSampler(List<TextRegions> pool, long seed) {
        this.seed = seed;
        for (Removal r : Removal.values()) {
            List<TextRegions> c = new ArrayList<>();
            for (TextRegions t : pool) {
                if (!t.polygons(r).isEmpty()) {
                    c.add(t);
                }
            }
            candidates.put(r, List.copyOf(c));
        }
    }

    /**
     * @param removal All or Co
     * @return how many images can donate polygons for it
     */
    public int candidates(Removal removal) {
        return candidates.get(removal).size();
    }

    /**
     * The donor of a target.
     *
     * @param targetKey the target's key; never its own donor
     * @param removal whose polygons are borrowed
     * @return the donor, empty when no other image has such polygons
     */
    public Optional<TextRegions> donor(String targetKey, Removal removal) {
        List<TextRegions> c = candidates.get(removal);
        int self = -1;
        for (int i = 0; i < c.size(); i++) {
            if (c.get(i).key().equals(targetKey)) {
                self = i;
                break;
            }
        }
        int n = c.size() - (self >= 0 ? 1 : 0);
        if (n <= 0) {
            return Optional.empty();
        }
        int pick = new SplittableRandom(mix(targetKey, removal)).nextInt(n);
        if (self >= 0 && pick >= self) {
            pick++; // skip the target itself: uniform over the others
        }
        return Optional.of(c.get(pick));
    }

    private long mix(String key, Removal removal) {
        long h = seed * 0x9E3779B97F4A7C15L + removal.ordinal();
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001B3L; // FNV-1a steps over the UTF-8 bytes
        }
        return h;
    }
}
