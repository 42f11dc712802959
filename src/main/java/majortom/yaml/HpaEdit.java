package majortom.yaml;

import java.util.Objects;
import java.util.Optional;

/**
 * The result of setting autoscaling bounds: the new text and the bounds before the edit.
 *
 * @param previousMin empty when the file had no {@code minReplicas} (Kubernetes then uses 1)
 */
public record HpaEdit(String text, boolean changed, Optional<Integer> previousMin, Optional<Integer> previousMax) {

    public HpaEdit {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(previousMin, "previousMin");
        Objects.requireNonNull(previousMax, "previousMax");
    }
}
