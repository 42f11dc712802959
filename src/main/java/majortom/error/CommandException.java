package majortom.error;

import java.util.Objects;

/**
 * A command that could not be carried out, with a message written for the person who sent it.
 *
 * <p>The message is a full sentence that says what to do next. It never carries another
 * exception's message, so nothing internal reaches Slack or CI.
 */
public abstract sealed class CommandException extends RuntimeException
        permits UsageException, UnknownTargetException, RefusedException, ConflictException, UpstreamException {

    private static final long serialVersionUID = 1L;

    protected CommandException(String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause, false, false);
    }

    /** Who can fix this, which decides the reply's status. */
    public abstract Fault fault();
}
