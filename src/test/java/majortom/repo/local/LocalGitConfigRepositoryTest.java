package majortom.repo.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.time.Duration;
import java.time.Instant;
import majortom.repo.CommitInfo;
import majortom.testing.MutableClock;
import majortom.repo.FileSnapshot;
import majortom.repo.WriteResult;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalGitConfigRepositoryTest {

    private static final String PATH = "mirror-tv-nuxt/overlays/prod/kustomization.yaml";

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T03:00:00Z"));

    @Test
    void commits_carryTheTimeTheyWereMade_andHistoryIsNewestFirst() {
        LocalGitConfigRepository repo = LocalGitConfigRepository.openOrCreate(dir.resolve("k"), "master", clock);
        clock.advance(Duration.ofMinutes(5));
        FileSnapshot base = repo.read(PATH).orElseThrow();
        repo.write(base, base.content() + "# a\n", "first");
        clock.advance(Duration.ofMinutes(5));
        base = repo.read(PATH).orElseThrow();
        repo.write(base, base.content() + "# b\n", "second");

        List<CommitInfo> history = repo.history(PATH, 11);

        assertEquals(List.of("second", "first", "Sample kubernetes-configs for major-tom"),
                history.stream().map(CommitInfo::message).collect(java.util.stream.Collectors.toList()));
        assertEquals(List.of(Instant.parse("2026-11-25T03:10:00Z"), Instant.parse("2026-11-25T03:05:00Z"),
                Instant.parse("2026-11-25T03:00:00Z")),
                history.stream().map(CommitInfo::date).collect(java.util.stream.Collectors.toList()));
        assertEquals(1, repo.history(PATH, 1).size());
    }

    @Test
    void openOrCreate_onAnEmptyFolder_copiesTheSampleAndCommitsIt() throws Exception {
        LocalGitConfigRepository repo = LocalGitConfigRepository.openOrCreate(dir.resolve("k"), "master", clock);

        assertTrue(Files.exists(dir.resolve("k").resolve(PATH)));
        assertTrue(repo.read(PATH).orElseThrow().content().contains("newTag: \"prod_399440e\""));
        try (Git git = Git.open(dir.resolve("k").toFile())) {
            assertEquals("master", git.getRepository().getBranch());
            assertTrue(git.status().call().isClean());
        }
    }

    @Test
    void write_withTheCurrentSha_makesARealCommitOfThatFileOnly() throws Exception {
        LocalGitConfigRepository repo = LocalGitConfigRepository.openOrCreate(dir.resolve("k"), "master", clock);
        Files.writeString(dir.resolve("k/README.md"), "local edit, not to be committed\n", StandardCharsets.UTF_8);
        FileSnapshot before = repo.read(PATH).orElseThrow();

        WriteResult result = repo.write(before, before.content().replace("prod_399440e", "prod_1234567"),
                "release(mirror-tv-nuxt/prod): image-tag prod_399440e -> prod_1234567\n\nRequested-by: ci:test\n");

        WriteResult.Committed committed = assertInstanceOf(WriteResult.Committed.class, result);
        try (Git git = Git.open(dir.resolve("k").toFile())) {
            List<RevCommit> log = new java.util.ArrayList<>();
            git.log().call().forEach(log::add);
            assertEquals(2, log.size());
            assertEquals(committed.commit().sha(), log.get(0).getName());
            assertTrue(log.get(0).getFullMessage().endsWith("Requested-by: ci:test\n"));
            assertEquals(List.of("README.md"), List.copyOf(git.status().call().getModified()));
        }
        assertTrue(repo.read(PATH).orElseThrow().content().contains("prod_1234567"));
    }

    @Test
    void write_withAStaleSha_isStaleAndWritesNothing() {
        LocalGitConfigRepository repo = LocalGitConfigRepository.openOrCreate(dir.resolve("k"), "master", clock);
        FileSnapshot before = repo.read(PATH).orElseThrow();
        repo.write(before, before.content() + "# one\n", "one");

        WriteResult second = repo.write(before, before.content() + "# two\n", "two");

        assertInstanceOf(WriteResult.Stale.class, second);
        assertTrue(repo.read(PATH).orElseThrow().content().endsWith("# one\n"));
    }

    @Test
    void read_aMissingFile_isEmpty() {
        LocalGitConfigRepository repo = LocalGitConfigRepository.openOrCreate(dir.resolve("k"), "master", clock);
        assertTrue(repo.read("nope/kustomization.yaml").isEmpty());
        assertTrue(repo.read("mirror-tv-nuxt").isEmpty(), "a folder is not a file");
    }

    @Test
    void sampleIndex_listsEveryFileOfTheSample() throws Exception {
        Path root = Path.of("src/main/resources/majortom/sample/kubernetes-configs");
        List<String> onDisk;
        try (var files = Files.walk(root)) {
            onDisk = files.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.equals("files.txt")).sorted().collect(java.util.stream.Collectors.toList());
        }
        assertEquals(onDisk, Sample.files().stream().sorted().collect(java.util.stream.Collectors.toList()));
    }
}
