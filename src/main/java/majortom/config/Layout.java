package majortom.config;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a codebase's folder in kubernetes-configs is laid out, which decides every path major-tom edits.
 */
public enum Layout {
    /** One service per repo: {@code {repo}/overlays/{stage}/...}. */
    SINGLE("single"),
    /** One repo serving several projects and services, with a shared base per stage and one per project in prod. */
    MULTI_PROJECT("multi-project");

    private final String label;

    Layout(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<Layout> fromLabel(String text) {
        return Arrays.stream(values()).filter(l -> l.label.equals(text)).findFirst();
    }
}
