package majortom.repo.local;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import majortom.error.UpstreamException;
import majortom.repo.CommitInfo;
import majortom.repo.CommitRef;
import majortom.repo.ConfigRepository;
import majortom.repo.FileSnapshot;
import majortom.repo.WriteResult;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * kubernetes-configs as a git repository on this machine, for running major-tom without GitHub.
 *
 * <p>Files are read from the HEAD commit and written as real commits of that one file; the blob id
 * plays the part of GitHub's blob sha, so compare-and-swap behaves the same.
 */
public final class LocalGitConfigRepository implements ConfigRepository {

    private final Git git;
    private final Path root;
    private final Clock clock;

    private LocalGitConfigRepository(Git git, Clock clock) {
        this.git = git;
        this.root = git.getRepository().getWorkTree().toPath();
        this.clock = clock;
    }

    /** A new identity per commit: a PersonIdent carries its creation time as the commit time. */
    private static PersonIdent author(Clock clock) {
        return new PersonIdent("major-tom", "major-tom@localhost", clock.instant(), ZoneOffset.UTC);
    }

    /**
     * Opens the git working copy at {@code dir}; when there is none, first fills it with the sample
     * kubernetes-configs that ships with major-tom and commits that on {@code branch}.
     */
    public static LocalGitConfigRepository openOrCreate(Path dir, String branch, Clock clock) {
        try {
            if (!Files.isDirectory(dir.resolve(".git"))) {
                createSample(dir, branch, author(clock));
            }
            return new LocalGitConfigRepository(Git.open(dir.toFile()), clock);
        } catch (IOException | GitAPIException e) {
            throw new IllegalStateException("could not open or create the local kubernetes-configs at " + dir, e);
        }
    }

    private static void createSample(Path dir, String branch, PersonIdent author) throws IOException, GitAPIException {
        List<String> files = Sample.files();
        for (String file : files) {
            Path target = dir.resolve(file);
            Files.createDirectories(target.getParent());
            try (InputStream in = Sample.open(file)) {
                Files.copy(in, target);
            }
        }
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch(branch).call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("Sample kubernetes-configs for major-tom").setAuthor(author).setCommitter(author)
                    .setSign(false).call();
        }
    }

    public Path root() {
        return root;
    }

    @Override
    public synchronized Optional<FileSnapshot> read(String path) {
        try {
            Optional<ObjectId> blob = blobAtHead(path);
            if (blob.isEmpty()) {
                return Optional.empty();
            }
            byte[] bytes = git.getRepository().open(blob.get(), Constants.OBJ_BLOB).getBytes();
            return Optional.of(new FileSnapshot(path, new String(bytes, StandardCharsets.UTF_8), blob.get().name()));
        } catch (IOException e) {
            throw new UpstreamException("major-tom could not read " + path + " from the local repository at "
                    + root + "; nothing was changed. Check that it is a git working copy.", e);
        }
    }

    @Override
    public synchronized WriteResult write(FileSnapshot base, String content, String message) {
        try {
            Optional<ObjectId> current = blobAtHead(base.path());
            if (current.isEmpty() || !current.get().name().equals(base.sha())) {
                return new WriteResult.Stale();
            }
            Files.write(root.resolve(base.path()), content.getBytes(StandardCharsets.UTF_8));
            git.add().addFilepattern(base.path()).call();
            PersonIdent author = author(clock);
            RevCommit commit = git.commit()
                    .setOnly(base.path())
                    .setMessage(message)
                    .setAuthor(author)
                    .setCommitter(author)
                    .setSign(false)
                    .call();
            return new WriteResult.Committed(new CommitRef(commit.getName(), Optional.empty()));
        } catch (IOException | GitAPIException e) {
            throw new UpstreamException("major-tom could not commit to the local repository at " + root
                    + "; nothing was changed. Check that it is a git working copy.", e);
        }
    }

    @Override
    public synchronized List<CommitInfo> history(String path, int limit) {
        try {
            if (git.getRepository().resolve(Constants.HEAD) == null) {
                return List.of();
            }
            List<CommitInfo> out = new ArrayList<>();
            for (RevCommit c : git.log().addPath(path).setMaxCount(limit).call()) {
                out.add(new CommitInfo(c.getName(), Optional.empty(), c.getCommitterIdent().getWhenAsInstant(),
                        c.getFullMessage(), c.getAuthorIdent().getName()));
            }
            return out;
        } catch (IOException | GitAPIException e) {
            throw new UpstreamException("major-tom could not read the history of " + path
                    + " in the local repository at " + root + ". Check that it is a git working copy.", e);
        }
    }

    private Optional<ObjectId> blobAtHead(String path) throws IOException {
        Repository repo = git.getRepository();
        ObjectId head = repo.resolve(Constants.HEAD);
        if (head == null) {
            return Optional.empty();
        }
        try (RevWalk walk = new RevWalk(repo);
                TreeWalk tree = TreeWalk.forPath(repo, path, walk.parseCommit(head).getTree())) {
            if (tree == null || (tree.getRawMode(0) & 0170000) != 0100000) {
                return Optional.empty();
            }
            return Optional.of(tree.getObjectId(0));
        }
    }
}
