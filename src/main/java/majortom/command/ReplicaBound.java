package majortom.command;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * One autoscaling bound a {@code scale} command sets, such as {@code maxReplicas=12}.
 */
public record ReplicaBound(Field field, int value) {

    /** The two bounds of a HorizontalPodAutoscaler's spec. */
    public enum Field {
        MIN_REPLICAS("minReplicas"),
        MAX_REPLICAS("maxReplicas");

        private final String key;

        Field(String key) {
            this.key = key;
        }

        /** The key in commands and in {@code hpa.yaml}. */
        public String key() {
            return key;
        }

        public static Optional<Field> ofKey(String key) {
            return Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst();
        }
    }

    public ReplicaBound {
        Objects.requireNonNull(field, "field");
        if (value < 1) {
            throw new IllegalArgumentException(field.key() + " must be positive");
        }
    }

    @Override
    public String toString() {
        return field.key() + "=" + value;
    }
}
