package majortom.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import majortom.repo.CommitInfo;
import org.junit.jupiter.api.Test;

class HistoryMergeTest {

    private static CommitInfo c(String sha, int second) {
        return new CommitInfo(sha, Optional.empty(), Instant.ofEpochSecond(1_800_000_000L + second), sha, "a");
    }

    private static List<String> shas(List<CommitInfo> commits) {
        return commits.stream().map(CommitInfo::sha).collect(Collectors.toList());
    }

    @Test
    void merge_ordersByDateNewestFirstAndDropsDuplicates() {
        List<CommitInfo> merged = ListOperations.merge(List.of(
                List.of(c("d", 40), c("b", 20), c("a", 10)),
                List.of(c("c", 30), c("b", 20))), 11);
        assertEquals(List.of("d", "c", "b", "a"), shas(merged));
    }

    @Test
    void merge_withEqualDates_keepsEachFilesOrder() {
        // All in the same second: "root" is older than both heads, as each file's history says.
        List<CommitInfo> merged = ListOperations.merge(List.of(
                List.of(c("scale", 5), c("root", 5)),
                List.of(c("release", 5), c("root", 5))), 11);
        assertEquals(List.of("scale", "release", "root"), shas(merged));
    }

    @Test
    void merge_stopsAtTheLimit() {
        List<CommitInfo> merged = ListOperations.merge(List.of(
                List.of(c("c", 3), c("b", 2), c("a", 1))), 2);
        assertEquals(List.of("c", "b"), shas(merged));
    }
}
