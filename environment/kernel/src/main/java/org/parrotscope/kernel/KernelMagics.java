package org.parrotscope.kernel;

import io.github.spencerpark.jupyter.kernel.magic.common.Load;
import io.github.spencerpark.jupyter.kernel.magic.registry.Magics;
import io.github.spencerpark.jupyter.kernel.util.GlobFinder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The magics IJava 1.3 documents, with the same names, aliases and arguments: {@code %jars},
 * {@code %classpath}, {@code %maven} (= {@code %addMavenDependencies}, {@code %addMavenDependency}),
 * {@code %mavenRepo} (= {@code %addMavenRepo}), {@code %loadFromPOM} (line and cell) and {@code %load}.
 */
public final class KernelMagics {
    private KernelMagics() {}

    /**
     * Registers all magics.
     *
     * @param magics the registry
     * @param addToClasspath adds one entry to the notebook classpath
     * @param maven resolves artifacts
     * @param load evaluates a loaded file's code as a cell
     */
    public static void register(
            Magics magics, Consumer<String> addToClasspath, MavenDependencies maven, Load.Executor load) {
        magics.registerLineMagic("jars", args -> addAll(addToClasspath, globs(args, true)));
        magics.registerLineMagic("classpath", args -> addAll(addToClasspath, globs(args, false)));
        for (String name : List.of("maven", "addMavenDependencies", "addMavenDependency")) {
            magics.registerLineMagic(name, args -> {
                if (args.isEmpty()) {
                    throw new IllegalArgumentException(
                            "%" + name + " needs coordinates groupId:artifactId[:type[:classifier]]:version");
                }
                addAll(addToClasspath, maven.resolve(args));
                return null;
            });
        }
        for (String name : List.of("mavenRepo", "addMavenRepo")) {
            magics.registerLineMagic(name, args -> {
                if (args.size() != 2) {
                    throw new IllegalArgumentException("%" + name + " takes a repository id and a URL, got " + args);
                }
                maven.addRepository(args.get(0), args.get(1));
                return null;
            });
        }
        magics.registerLineMagic("loadFromPOM", args -> {
            if (args.isEmpty()) {
                throw new IllegalArgumentException("%loadFromPOM needs the path of a pom.xml, then optional scopes");
            }
            Path pom = Path.of(args.get(0));
            if (!Files.isRegularFile(pom)) {
                throw new IllegalArgumentException("%loadFromPOM: no such file " + pom.toAbsolutePath());
            }
            addAll(
                    addToClasspath,
                    maven.resolve(PomFragment.parse(Files.readString(pom)), args.subList(1, args.size())));
            return null;
        });
        magics.registerCellMagic("loadFromPOM", (args, body) -> {
            addAll(addToClasspath, maven.resolve(PomFragment.parse(body), args));
            return null;
        });
        magics.registerMagics(new Load(List.of(".jsh", ".jshell", ".java", ".ijava"), load));
    }

    private static List<String> addAll(Consumer<String> addToClasspath, List<Path> paths) {
        List<String> added = new ArrayList<>();
        for (Path p : paths) {
            String s = p.toAbsolutePath().toString();
            addToClasspath.accept(s);
            added.add(s);
        }
        return added;
    }

    /**
     * Expands IJava-style globs.
     *
     * @param globs simple glob paths
     * @param jarsOnly true for {@code %jars}: a matched folder contributes the files in it
     * @return matched paths, in order
     * @throws IOException when a folder cannot be listed
     * @throws IllegalArgumentException when a glob matches nothing
     */
    static List<Path> globs(List<String> globs, boolean jarsOnly) throws IOException {
        List<Path> out = new ArrayList<>();
        for (String g : globs) {
            GlobFinder finder = new GlobFinder(g);
            int before = out.size();
            for (Path p : jarsOnly ? finder.computeMatchingFiles() : finder.computeMatchingPaths()) {
                out.add(p);
            }
            if (out.size() == before) {
                throw new IllegalArgumentException("no file matches '" + g + "' (relative to "
                        + Path.of("").toAbsolutePath() + ")");
            }
        }
        return out;
    }
}
