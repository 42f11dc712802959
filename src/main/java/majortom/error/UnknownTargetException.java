package majortom.error;

/**
 * The command names something the configuration does not know.
 */
public final class UnknownTargetException extends CommandException {

    private static final long serialVersionUID = 1L;

    public UnknownTargetException(String message) {
        super(message, null);
    }

    public UnknownTargetException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public Fault fault() {
        return Fault.UNKNOWN_TARGET;
    }
}
