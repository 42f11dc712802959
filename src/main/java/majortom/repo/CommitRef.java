package majortom.repo;

import java.util.Objects;
import java.util.Optional;

/**
 * A commit that major-tom made, with a link to it where the repository has a web view.
 */
public record CommitRef(String sha, Optional<String> url) {

    public CommitRef {
        Objects.requireNonNull(sha, "sha");
        Objects.requireNonNull(url, "url");
    }

    public String shortSha() {
        return sha.length() > 7 ? sha.substring(0, 7) : sha;
    }
}
