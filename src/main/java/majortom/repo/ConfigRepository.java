package majortom.repo;

import java.util.List;
import java.util.Optional;

/**
 * The kubernetes-configs repository, read and written one file at a time on the configured branch.
 *
 * <p>Writes are compare-and-swap on the blob sha, so a write based on an old read never overwrites
 * someone else's change. Failures of the store itself surface as {@link majortom.error.UpstreamException}
 * with a message for the user.
 */
public interface ConfigRepository {

    /** The file at the head of the branch, or empty when there is no such file. */
    Optional<FileSnapshot> read(String path);

    /**
     * Replaces a file's content in one commit, provided it is still at {@code base.sha()}.
     *
     * @param message the full commit message, title and trailers
     */
    WriteResult write(FileSnapshot base, String content, String message);

    /**
     * The latest commits on the branch that changed {@code path}, newest first, at most {@code limit};
     * one request, so implementations must be safe to call from several threads at once.
     */
    List<CommitInfo> history(String path, int limit);
}
