package majortom.error;

/**
 * The command is understood but not allowed, or the file cannot take the change.
 */
public final class RefusedException extends CommandException {

    private static final long serialVersionUID = 1L;

    public RefusedException(String message) {
        super(message, null);
    }

    public RefusedException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public Fault fault() {
        return Fault.REFUSED;
    }
}
