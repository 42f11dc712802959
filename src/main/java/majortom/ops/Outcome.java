package majortom.ops;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import majortom.command.Verb;
import majortom.repo.CommitRef;

/**
 * What a command did, in a form that both the Slack and the CI replies render.
 *
 * @param target what was addressed, such as {@code openwarehouse/prod/tv}; empty for help
 * @param changed whether a commit was made
 * @param message one plain sentence that sums it up
 * @param changes the values set, with their previous values
 * @param path the file that was read or written
 * @param notes further facts worth a line, such as a removed digest pin
 * @param lines the body of informational answers such as help and list
 * @param history commits, for {@code list} of a service or repo
 */
public record Outcome(
        Verb verb,
        String target,
        boolean changed,
        String message,
        List<Change> changes,
        Optional<CommitRef> commit,
        Optional<String> path,
        List<String> notes,
        List<String> lines,
        List<HistoryLine> history) {

    public Outcome {
        Objects.requireNonNull(verb, "verb");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(message, "message");
        changes = List.copyOf(changes);
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(path, "path");
        notes = List.copyOf(notes);
        lines = List.copyOf(lines);
        history = List.copyOf(history);
        if (changed != commit.isPresent()) {
            throw new IllegalArgumentException("an outcome has a commit exactly when it changed something");
        }
    }

    /** An answer that changes nothing and reports text, such as help. */
    public static Outcome text(Verb verb, String message, List<String> lines) {
        return new Outcome(verb, "", false, message, List.of(), Optional.empty(), Optional.empty(), List.of(), lines,
                List.of());
    }

    /** The answer to a command that edited a file, or found it already as asked. */
    public static Outcome edit(Verb verb, String target, String message, List<Change> changes,
            Optional<CommitRef> commit, String path, List<String> notes) {
        return new Outcome(verb, target, commit.isPresent(), message, changes, commit, Optional.of(path), notes,
                List.of(), List.of());
    }
}
