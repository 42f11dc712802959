package majortom.config;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What major-tom manages: the kubernetes-configs repository and the codebases in it, and who may change them.
 */
public record Configuration(GitHubSettings github, List<Codebase> codebases, AccessPolicy access,
        Map<String, Map<Stage, ClusterTarget>> clusters) {

    public Configuration {
        Objects.requireNonNull(github, "github");
        Objects.requireNonNull(access, "access");
        Map<String, Map<Stage, ClusterTarget>> copy = new java.util.LinkedHashMap<>();
        clusters.forEach((project, stages) -> copy.put(project, Map.copyOf(stages)));
        clusters = java.util.Collections.unmodifiableMap(copy);
        codebases = List.copyOf(codebases);
        long distinct = codebases.stream().map(Codebase::repo).distinct().count();
        if (distinct != codebases.size()) {
            throw new IllegalArgumentException("a repo is listed twice under codebases");
        }
    }

    public Optional<Codebase> codebase(String repo) {
        return codebases.stream().filter(c -> c.repo().equals(repo)).findFirst();
    }

    /** Every service name of every codebase that has the stage, in configuration order. */
    public List<ServiceName> serviceNames(Stage stage) {
        return codebases.stream().filter(c -> c.hasStage(stage))
                .flatMap(c -> c.serviceNames().stream()).collect(Collectors.toList());
    }

    /** The cluster and namespace of a project's stage, when function.yaml names one. */
    public Optional<ClusterTarget> cluster(String project, Stage stage) {
        return Optional.ofNullable(clusters.getOrDefault(project, Map.of()).get(stage));
    }

    /** The configured repo names, in the order of function.yaml, for error messages. */
    public String repoNames() {
        return codebases.stream().map(Codebase::repo).collect(Collectors.joining(", "));
    }
}
