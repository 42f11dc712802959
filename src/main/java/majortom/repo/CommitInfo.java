package majortom.repo;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A commit in a file's history, as {@code list} shows it.
 *
 * @param date when it was committed
 * @param message the full commit message, title first
 * @param author the commit author's name, for commits made by hand
 */
public record CommitInfo(String sha, Optional<String> url, Instant date, String message, String author) {

    public CommitInfo {
        Objects.requireNonNull(sha, "sha");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(author, "author");
    }
}
