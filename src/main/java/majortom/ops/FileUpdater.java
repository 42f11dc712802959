package majortom.ops;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import majortom.command.Caller;
import majortom.error.CommandException;
import majortom.error.ConflictException;
import majortom.error.RefusedException;
import majortom.repo.CommitRef;
import majortom.repo.ConfigRepository;
import majortom.repo.FileSnapshot;
import majortom.repo.WriteResult;
import majortom.yaml.EditException;

/**
 * Reads a file, edits it and writes it back with the blob sha as compare-and-swap, re-reading and
 * re-applying the edit when someone else changed the file in between.
 *
 * <p>Each attempt costs one read and at most one write. Nothing is written when the edit changes
 * nothing, and a conflict that does not clear is reported with nothing written.
 */
public final class FileUpdater {

    /** Back-off before each retry: short, since a Slack command has three seconds in all. */
    private static final List<Duration> BACKOFF =
            List.of(Duration.ofMillis(50), Duration.ofMillis(150), Duration.ofMillis(400));

    private final ConfigRepository repository;
    private final Pause pause;

    public FileUpdater(ConfigRepository repository, Pause pause) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.pause = Objects.requireNonNull(pause, "pause");
    }

    /** An edit of one file's text, with the commit title it deserves. */
    public record Proposal(String text, boolean changed, String title, List<String> body) {
        public Proposal {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(title, "title");
            body = List.copyOf(body);
        }
    }

    /** The last proposal made, and the commit when it was written. */
    public record Result<P>(P proposal, Optional<CommitRef> commit) {
    }

    /**
     * Applies {@code edit} to the file at {@code path} until it lands, nothing needs to change, or
     * the attempts run out.
     *
     * @param edit turns the current text into a proposal; called again after each conflict
     */
    public <P> Result<P> update(String path, Function<String, P> edit, Function<P, Proposal> proposalOf,
            Caller caller, String command) {
        return update(path, () -> new RefusedException(path
                + " is not in kubernetes-configs, so there is nothing to change there."
                + " Ask an admin to check this codebase's layout and stages in function.yaml."),
                edit, proposalOf, caller, command);
    }

    /** As {@link #update(String, Function, Function, Caller, String)}, with the error for a missing file. */
    public <P> Result<P> update(String path, Supplier<? extends CommandException> whenMissing,
            Function<String, P> edit, Function<P, Proposal> proposalOf, Caller caller, String command) {
        for (int attempt = 0; ; attempt++) {
            FileSnapshot snapshot = repository.read(path).orElseThrow(whenMissing);
            P edited;
            try {
                edited = edit.apply(snapshot.content());
            } catch (EditException e) {
                throw new RefusedException("major-tom cannot edit " + path + ": " + e.getMessage()
                        + ". Nothing was changed; fix the file by hand or ask an admin to check function.yaml.", e);
            }
            Proposal proposal = proposalOf.apply(edited);
            if (!proposal.changed()) {
                return new Result<>(edited, Optional.empty());
            }
            WriteResult written = repository.write(snapshot, proposal.text(), message(proposal, caller, command));
            if (written instanceof WriteResult.Committed committed) {
                return new Result<>(edited, Optional.of(committed.commit()));
            }
            if (attempt >= BACKOFF.size()) {
                throw new ConflictException(path + " kept changing while major-tom tried to update it ("
                        + (attempt + 1) + " attempts), so nothing was changed. Look at its latest commits,"
                        + " then run the command again.");
            }
            pause.pause(BACKOFF.get(attempt));
        }
    }

    /** Title, optional body, then trailers that {@code list} reads back. */
    static String message(Proposal proposal, Caller caller, String command) {
        StringBuilder m = new StringBuilder(proposal.title()).append("\n\n");
        for (String line : proposal.body()) {
            m.append(line).append('\n');
        }
        if (!proposal.body().isEmpty()) {
            m.append('\n');
        }
        return m.append("Requested-by: ").append(caller.trailer()).append('\n')
                .append("Command: ").append(command).append('\n')
                .toString();
    }
}
