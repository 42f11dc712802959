package majortom.error;

/**
 * GitHub or another upstream failed, so nothing was written.
 */
public final class UpstreamException extends CommandException {

    private static final long serialVersionUID = 1L;

    public UpstreamException(String message) {
        super(message, null);
    }

    public UpstreamException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public Fault fault() {
        return Fault.UPSTREAM;
    }
}
