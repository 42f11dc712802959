package majortom.ops;

import java.util.Objects;
import java.util.Optional;
import majortom.error.CommandException;

/**
 * What a command text came to: an outcome, a command error, or (neither) an internal failure that
 * the logs hold under {@code reference}.
 */
public record CommandResult(String text, Optional<Outcome> outcome, Optional<CommandException> error,
        String reference) {

    public CommandResult {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(reference, "reference");
        if (outcome.isPresent() && error.isPresent()) {
            throw new IllegalArgumentException("a command has an outcome or an error, not both");
        }
    }
}
