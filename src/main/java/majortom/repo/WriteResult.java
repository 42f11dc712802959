package majortom.repo;

import java.util.Objects;

/**
 * What came of a compare-and-swap write: a commit, or nothing because the file had moved on.
 */
public sealed interface WriteResult permits WriteResult.Committed, WriteResult.Stale {

    /** The write landed as this commit. */
    record Committed(CommitRef commit) implements WriteResult {
        public Committed {
            Objects.requireNonNull(commit, "commit");
        }
    }

    /** The file no longer had the sha the write was based on; nothing was written. */
    record Stale() implements WriteResult {
    }
}
