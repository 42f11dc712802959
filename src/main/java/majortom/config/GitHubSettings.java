package majortom.config;

import java.util.Objects;

/**
 * Which GitHub repository and branch hold kubernetes-configs.
 */
public record GitHubSettings(String repository, String branch) {

    public GitHubSettings {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(branch, "branch");
        if (!repository.matches("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("github.repository must look like owner/name, not " + repository);
        }
        if (branch.isBlank()) {
            throw new IllegalArgumentException("github.branch must not be empty");
        }
    }
}
