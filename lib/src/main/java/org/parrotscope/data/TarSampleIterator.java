package org.parrotscope.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;

/**
 * Groups consecutive tar entries with the same key into samples. Entries of one sample may come in any
 * order; files with other extensions are ignored. The first readable occurrence of a key is kept, later
 * groups with the same key are skipped as {@code duplicate_key}. Damage ends the shard with one
 * {@code truncated_tar} or {@code corrupt_tar} skip naming the byte offset; every sample before it is
 * returned (the sample being read when the damage hit is kept if the damage is in a later header).
 */
final class TarSampleIterator extends LookAhead<Sample> {

    private final TarReader tar;
    private final String source;
    private final ReadOptions options;
    private final SkipLog skips;
    private final SampleAssembler assembler;
    private final Set<String> seen = new HashSet<>();
    private Group group;

    /** The parts read so far for one key. */
    private static final class Group {
        final String key;
        String imageExt;
        byte[] image;
        byte[] caption;
        byte[] json;
        boolean any;
        boolean rejected;

        Group(String key) {
            this.key = key;
        }
    }

    TarSampleIterator(TarReader tar, String source, ReadOptions options, SkipLog skips) {
        this.tar = tar;
        this.source = source;
        this.options = options;
        this.skips = skips;
        this.assembler = new SampleAssembler(source, options, skips);
    }

    /** Reads one entry; returns the sample of a group it completed, or null (no group completed, or skipped). */
    @Override
    protected Sample advance() {
        TarReader.Entry e;
        try {
            e = tar.next();
        } catch (TarReader.DamageException d) {
            // Damage in a header (or in skipped data) spares the sample read so far.
            end();
            Sample kept = finish(group);
            group = null;
            skips.add(new Skipped("", source, d.reason, d.getMessage() + "; every sample before it was read"));
            return kept;
        } catch (IOException io) {
            throw new UncheckedIOException("cannot read shard " + source + ": " + io.getMessage(), io);
        }
        if (e == null) {
            end();
            Sample last = finish(group);
            group = null;
            return last;
        }
        String key = SampleNames.key(e.name());
        Sample completed = null;
        if (group == null || !group.key.equals(key)) {
            completed = finish(group);
            group = new Group(key);
        }
        try {
            add(group, e);
        } catch (TarReader.DamageException d) {
            // Damage inside an entry's data loses that entry's sample, named in the skip.
            end();
            group = null;
            skips.add(new Skipped(key, source, d.reason, d.getMessage() + "; every sample before it was read"));
        } catch (IOException io) {
            throw new UncheckedIOException("cannot read shard " + source + ": " + io.getMessage(), io);
        }
        return completed;
    }

    private void add(Group g, TarReader.Entry e) throws IOException {
        String ext = SampleNames.ext(e.name());
        boolean image = SampleNames.IMAGE_EXTS.contains(ext);
        boolean wanted = image || ext.equals("txt") || ext.equals("json");
        if (!wanted) {
            return; // an extra file (e.g. .cls, .seg.png): tolerated and ignored
        }
        if (e.size() > options.maxEntryBytes()) {
            if (!g.rejected) {
                skips.add(new Skipped(
                        g.key,
                        source,
                        "too_large",
                        e.name() + " has " + e.size() + " bytes (limit " + options.maxEntryBytes() + ")"));
            }
            g.rejected = true; // one skip per sample
            return;
        }
        g.any = true;
        if (image) {
            if (g.imageExt != null) {
                skips.warn(new Skipped(
                        g.key,
                        source,
                        "extra_image",
                        e.name() + " ignored: the sample already has " + g.key + "." + g.imageExt));
                return;
            }
            g.imageExt = ext;
            g.image = tar.readData();
        } else if (ext.equals("txt")) {
            if (g.caption == null) {
                g.caption = tar.readData();
            }
        } else if (g.json == null) {
            g.json = tar.readData();
        }
    }

    private Sample finish(Group g) {
        if (g == null || !g.any || g.rejected) {
            return null;
        }
        if (seen.contains(g.key)) {
            skips.add(new Skipped(
                    g.key,
                    source,
                    "duplicate_key",
                    "key " + g.key + " appeared earlier in this shard; the first one is kept"));
            return null;
        }
        Sample s = assembler.assemble(
                g.key, g.imageExt, g.image, g.caption == null ? null : Captions.decode(g.caption), g.json, null);
        if (s != null) {
            seen.add(g.key);
        }
        return s;
    }
}
