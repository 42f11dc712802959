package majortom.config;

import java.util.Objects;

/**
 * Where a project's stage runs: a GKE cluster ({@code projects/P/locations/L/clusters/C}) and a namespace.
 */
public record ClusterTarget(String gke, String namespace) {

    public ClusterTarget {
        Objects.requireNonNull(gke, "gke");
        Objects.requireNonNull(namespace, "namespace");
        if (!gke.matches("projects/[^/]+/locations/[^/]+/clusters/[^/]+")) {
            throw new IllegalArgumentException("gke must look like projects/P/locations/L/clusters/C, not " + gke);
        }
        if (!namespace.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?")) {
            throw new IllegalArgumentException("namespace '" + namespace + "' is not a Kubernetes namespace name");
        }
    }

    /** The cluster's short name, for messages. */
    public String clusterName() {
        return gke.substring(gke.lastIndexOf('/') + 1);
    }
}
