package majortom.cluster;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a cluster runs for one service: its Deployment's images and replica counts, and its HPA if any.
 *
 * @param images the container images of the pod template, as written there ({@code repo:tag} or {@code repo@digest})
 */
public record Workload(String name, List<String> images, Replicas replicas, Optional<Autoscaler> autoscaler) {

    public Workload {
        Objects.requireNonNull(name, "name");
        images = List.copyOf(images);
        Objects.requireNonNull(replicas, "replicas");
        Objects.requireNonNull(autoscaler, "autoscaler");
    }

    /** A Deployment's replica counts: what it wants, and how many are updated, ready and available. */
    public record Replicas(int desired, int updated, int ready, int available) {
    }

    /** An HPA's bounds from its spec and its replica counts from its status. */
    public record Autoscaler(int min, int max, int current, int desired) {
    }
}
