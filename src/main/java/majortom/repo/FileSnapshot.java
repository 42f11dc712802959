package majortom.repo;

import java.util.Objects;

/**
 * A file of kubernetes-configs as read at the head of the branch, with the blob sha that a write must match.
 */
public record FileSnapshot(String path, String content, String sha) {

    public FileSnapshot {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(sha, "sha");
    }
}
