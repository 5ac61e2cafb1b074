package org.parrotscope.kernel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.repository.internal.MavenRepositorySystemUtils;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.graph.Exclusion;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;

/**
 * Resolves Maven artifacts and their runtime dependencies for {@code %maven} and {@code %loadFromPOM}:
 * first offline from the local repository ({@code ~/.m2/repository}, or {@code -Dmaven.repo.local}), and
 * only when something is missing from the remote repositories (Maven Central plus any added with
 * {@code %mavenRepo}), downloading into the local repository.
 */
public final class MavenDependencies {

    /** Maven Central, under the id Maven itself records downloads with. */
    public static final RemoteRepository CENTRAL =
            new RemoteRepository.Builder("central", "default", "https://repo.maven.apache.org/maven2/").build();

    private final RepositorySystem system = new RepositorySystemSupplier().get();
    private final Path localRepository;
    private final List<RemoteRepository> repositories = new ArrayList<>(List.of(CENTRAL));

    /**
     * @param localRepository the local repository folder
     */
    public MavenDependencies(Path localRepository) {
        this.localRepository = localRepository;
    }

    /** @return resolution against the user's local repository */
    public static MavenDependencies standard() {
        String local = System.getProperty(
                "maven.repo.local",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString());
        return new MavenDependencies(Path.of(local));
    }

    /**
     * Adds a repository searched by {@link #resolve(List)} ({@code %mavenRepo id url}).
     *
     * @param id the repository id
     * @param url its URL
     */
    public synchronized void addRepository(String id, String url) {
        repositories.add(new RemoteRepository.Builder(id, "default", url).build());
    }

    /**
     * Resolves artifacts against Central and the added repositories.
     *
     * @param coordinates {@code groupId:artifactId[:type[:classifier]]:version} each
     * @return the jar files of the artifacts and their runtime dependencies
     * @throws DependencyResolutionException when an artifact is neither local nor downloadable
     */
    public List<Path> resolve(List<String> coordinates) throws DependencyResolutionException {
        List<Dependency> deps = coordinates.stream()
                .map(c -> new Dependency(new DefaultArtifact(c), JavaScopes.RUNTIME))
                .toList();
        List<RemoteRepository> repos;
        synchronized (this) {
            repos = List.copyOf(repositories);
        }
        return resolve(deps, repos);
    }

    /**
     * Resolves the dependencies of a POM fragment against Central and the fragment's own repositories.
     *
     * @param pom the parsed POM
     * @param scopes scopes to keep; empty means compile, runtime, system and import (as IJava)
     * @return the jar files
     * @throws DependencyResolutionException when an artifact cannot be resolved
     */
    public List<Path> resolve(PomFragment pom, List<String> scopes) throws DependencyResolutionException {
        List<String> keep = scopes.isEmpty() ? List.of("compile", "runtime", "system", "import") : scopes;
        List<Dependency> deps = new ArrayList<>();
        for (PomFragment.PomDependency d : pom.dependencies()) {
            if (!keep.contains(d.scope())) {
                continue;
            }
            List<Exclusion> ex = d.exclusions().stream()
                    .map(x -> x.split(":"))
                    .map(p -> new Exclusion(p[0], p[1], "*", "*"))
                    .toList();
            deps.add(new Dependency(new DefaultArtifact(d.coordinates()), JavaScopes.RUNTIME, false, ex));
        }
        List<RemoteRepository> repos = new ArrayList<>(List.of(CENTRAL));
        pom.repositories().forEach(r -> repos.add(new RemoteRepository.Builder(r.id(), "default", r.url()).build()));
        return deps.isEmpty() ? List.of() : resolve(deps, repos);
    }

    private List<Path> resolve(List<Dependency> deps, List<RemoteRepository> repos)
            throws DependencyResolutionException {
        try {
            return resolve(deps, repos, true);
        } catch (DependencyResolutionException offlineMiss) {
            return resolve(deps, repos, false);
        }
    }

    private List<Path> resolve(List<Dependency> deps, List<RemoteRepository> repos, boolean offline)
            throws DependencyResolutionException {
        DefaultRepositorySystemSession session = MavenRepositorySystemUtils.newSession();
        session.setLocalRepositoryManager(
                system.newLocalRepositoryManager(session, new LocalRepository(localRepository.toFile())));
        session.setOffline(offline);
        session.setSystemProperties(System.getProperties());
        CollectRequest collect = new CollectRequest();
        deps.forEach(collect::addDependency);
        collect.setRepositories(system.newResolutionRepositories(session, repos));
        DependencyRequest request =
                new DependencyRequest(collect, DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME));
        List<Path> files = new ArrayList<>();
        for (ArtifactResult r : system.resolveDependencies(session, request).getArtifactResults()) {
            files.add(r.getArtifact().getFile().toPath());
        }
        return files;
    }
}
