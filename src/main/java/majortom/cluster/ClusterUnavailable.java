package majortom.cluster;

/**
 * The cluster could not be read; the message names the cause and, for a denial, the missing permission.
 */
public final class ClusterUnavailable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ClusterUnavailable(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
