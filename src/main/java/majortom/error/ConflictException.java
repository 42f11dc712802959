package majortom.error;

/**
 * The file kept changing under major-tom, so nothing was written.
 */
public final class ConflictException extends CommandException {

    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(message, null);
    }

    public ConflictException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public Fault fault() {
        return Fault.CONFLICT;
    }
}
