package majortom.ops;

import java.util.Objects;
import java.util.Optional;

/**
 * One value a command changed (or would have): {@code image-tag prod_81ab7ac -> prod_99aa001}.
 */
public record Change(String field, Optional<String> from, String to) {

    public Change {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    public boolean isNoOp() {
        return from.isPresent() && from.get().equals(to);
    }

    /** {@code image-tag prod_81ab7ac -> prod_99aa001}, as in commit titles. */
    public String describe() {
        return field + " " + from.orElse("(none)") + " -> " + to;
    }
}
