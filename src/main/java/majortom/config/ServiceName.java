package majortom.config;

import java.util.Objects;
import java.util.Optional;

/**
 * A service as users name it, with the codebase, project and service it was generated from.
 *
 * <p>Names are matched whole against the generated ones, never split on {@code -}, because repo
 * names contain dashes.
 */
public record ServiceName(String name, Codebase codebase, Optional<String> project, Optional<String> service) {

    public ServiceName {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(codebase, "codebase");
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(service, "service");
    }

    public String hpaFile(Stage stage) {
        return codebase.hpaFile(stage, project, service);
    }

    /** The image file this service runs from in a stage: its project's in prod, else the shared one. */
    public String imageFile(Stage stage) {
        return codebase.imageFile(stage, project);
    }

    /** {@code openwarehouse/openwarehouse-tv-cms} for multi-project services, {@code mirror-tv-nuxt} for single ones. */
    public String listing() {
        return project.isPresent() ? codebase.repo() + "/" + name : name;
    }
}
