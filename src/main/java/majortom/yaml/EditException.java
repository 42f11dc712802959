package majortom.yaml;

/**
 * A YAML file cannot take the requested edit; the message says why in words a user can act on.
 */
public final class EditException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public EditException(String message) {
        super(message, null, false, false);
    }
}
