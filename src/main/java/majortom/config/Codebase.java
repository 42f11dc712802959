package majortom.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One source repository's folder in kubernetes-configs: its layout, stages, projects and services.
 *
 * <p>The paths follow the layouts described in the project's conventions; every file major-tom edits
 * is derived here and nowhere else.
 */
public record Codebase(
        String repo,
        Layout layout,
        Optional<String> image,
        List<Stage> stages,
        List<String> projects,
        List<String> services) {

    private static final String NAME = "[a-z0-9]([a-z0-9-]*[a-z0-9])?";

    public Codebase {
        Objects.requireNonNull(repo, "repo");
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(image, "image");
        stages = List.copyOf(stages);
        projects = List.copyOf(projects);
        services = List.copyOf(services);
        requireName("repo", repo);
        projects.forEach(p -> requireName("project", p));
        services.forEach(s -> requireName("service", s));
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("codebase " + repo + " needs at least one stage");
        }
        if (projects.isEmpty()) {
            throw new IllegalArgumentException("codebase " + repo + " needs at least one project");
        }
        if (layout == Layout.MULTI_PROJECT && services.isEmpty()) {
            throw new IllegalArgumentException("multi-project codebase " + repo + " needs at least one service");
        }
        if (layout == Layout.SINGLE && !services.isEmpty()) {
            throw new IllegalArgumentException(
                    "single-layout codebase " + repo + " has no services: its service is the repo itself");
        }
    }

    private static void requireName(String what, String value) {
        if (!value.matches(NAME)) {
            throw new IllegalArgumentException(what + " name '" + value
                    + "' must be lowercase letters, digits and dashes");
        }
    }

    public boolean hasStage(Stage stage) {
        return stages.contains(stage);
    }

    /**
     * The kustomization file that holds the image tag for a stage.
     *
     * @param project required for the multi-project layout in prod, ignored otherwise
     */
    public String imageFile(Stage stage, Optional<String> project) {
        return switch (layout) {
            case SINGLE -> repo + "/overlays/" + stage.label() + "/kustomization.yaml";
            case MULTI_PROJECT -> stage == Stage.PROD
                    ? repo + "/overlays/prod/overlays/"
                            + project.orElseThrow(() -> new IllegalArgumentException("prod image file needs a project"))
                            + "/base/kustomization.yaml"
                    : repo + "/overlays/" + stage.label() + "/base/kustomization.yaml";
        };
    }

    /**
     * The HorizontalPodAutoscaler file of a service in a stage; the project and service are those of
     * a multi-project {@link ServiceName} and absent for the single layout.
     */
    public String hpaFile(Stage stage, Optional<String> project, Optional<String> service) {
        return switch (layout) {
            case SINGLE -> repo + "/overlays/" + stage.label() + "/hpa.yaml";
            case MULTI_PROJECT -> repo + "/overlays/" + stage.label() + "/overlays/"
                    + project.orElseThrow(() -> new IllegalArgumentException("a multi-project hpa needs a project"))
                    + "/overlays/"
                    + service.orElseThrow(() -> new IllegalArgumentException("a multi-project hpa needs a service"))
                    + "/hpa.yaml";
        };
    }

    /** Whether the image tag is set per project in this stage (multi-project prod) rather than once for all. */
    public boolean imagePerProject(Stage stage) {
        return layout == Layout.MULTI_PROJECT && stage == Stage.PROD;
    }

    /** The service names this codebase generates: {@code {repo}-{project}-{service}}, or the repo itself. */
    public List<ServiceName> serviceNames() {
        if (layout == Layout.SINGLE) {
            return List.of(new ServiceName(repo, this, Optional.empty(), Optional.empty()));
        }
        List<ServiceName> names = new ArrayList<>();
        for (String project : projects) {
            for (String service : services) {
                names.add(new ServiceName(repo + "-" + project + "-" + service, this,
                        Optional.of(project), Optional.of(service)));
            }
        }
        return List.copyOf(names);
    }
}
