package majortom.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What major-tom manages: the kubernetes-configs repository and the codebases in it, and who may change them.
 */
public record Configuration(GitHubSettings github, List<Codebase> codebases, AccessPolicy access) {

    public Configuration {
        Objects.requireNonNull(github, "github");
        Objects.requireNonNull(access, "access");
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

    /** The configured repo names, in the order of function.yaml, for error messages. */
    public String repoNames() {
        return codebases.stream().map(Codebase::repo).collect(Collectors.joining(", "));
    }
}
