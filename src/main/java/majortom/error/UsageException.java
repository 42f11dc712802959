package majortom.error;

/**
 * The command is mistyped: a missing, repeated or unknown argument, or a malformed value.
 */
public final class UsageException extends CommandException {

    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message, null);
    }

    public UsageException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public Fault fault() {
        return Fault.USAGE;
    }
}
