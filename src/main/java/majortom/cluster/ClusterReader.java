package majortom.cluster;

import java.util.Optional;
import majortom.config.ClusterTarget;

/**
 * Reads the live state of services from the cluster that runs a project's stage.
 *
 * <p>Failures are {@link ClusterUnavailable} with a message that says what to fix.
 */
public interface ClusterReader {

    /** The Deployment named {@code name} and its HPA; empty when there is no such Deployment. */
    Optional<Workload> read(ClusterTarget target, String name);
}
