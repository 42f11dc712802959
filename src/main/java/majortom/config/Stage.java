package majortom.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * A deployment stage of kubernetes-configs; prod is the one that {@code release} targets.
 */
public enum Stage {
    DEV("dev"),
    STAGING("staging"),
    PROD("prod");

    private final String label;

    Stage(String label) {
        this.label = label;
    }

    /** The name used in commands, paths and function.yaml. */
    public String label() {
        return label;
    }

    /** The stage with that name, ignoring case, or empty. */
    public static Optional<Stage> fromLabel(String text) {
        String wanted = text.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.label.equals(wanted)).findFirst();
    }

    @Override
    public String toString() {
        return label;
    }
}
