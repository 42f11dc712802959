package majortom.ops;

import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import majortom.config.Codebase;
import majortom.config.Configuration;
import majortom.config.ServiceName;
import majortom.config.Stage;
import majortom.error.UnknownTargetException;

/**
 * Resolves the names in a command against the configuration, and lists the valid names when one is unknown.
 */
public final class Targets {

    private final Configuration configuration;

    public Targets(Configuration configuration) {
        this.configuration = Objects.requireNonNull(configuration, "configuration");
    }

    public Configuration configuration() {
        return configuration;
    }

    public Codebase codebase(String repo) {
        return configuration.codebase(repo).orElseThrow(() -> new UnknownTargetException("There is no repo '"
                + repo + "' in major-tom's configuration. The repos are " + configuration.repoNames() + "."));
    }

    /** The stage of a codebase, where {@code allowed} narrows what the command may target. */
    public Stage stage(Codebase codebase, Stage stage, Predicate<Stage> allowed) {
        if (codebase.hasStage(stage) && allowed.test(stage)) {
            return stage;
        }
        List<Stage> valid = codebase.stages().stream().filter(allowed).collect(Collectors.toList());
        throw new UnknownTargetException(codebase.repo() + " has no " + stage + " stage here; use "
                + (valid.isEmpty() ? "another repo" : "env=" + join(valid.stream().map(Stage::label)
                        .collect(Collectors.toList()), "or env=")) + ".");
    }

    /** A service by its whole name, among the services of codebases that have the stage. */
    public ServiceName service(String name, Stage stage) {
        List<ServiceName> valid = configuration.serviceNames(stage);
        for (ServiceName s : valid) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        boolean elsewhere = configuration.codebases().stream()
                .flatMap(c -> c.serviceNames().stream()).anyMatch(s -> s.name().equals(name));
        throw new UnknownTargetException((elsewhere
                ? name + " has no " + stage + " stage. "
                : "There is no service '" + name + "' in " + stage + ". ")
                + "The services of " + stage + " are "
                + valid.stream().map(ServiceName::name).collect(Collectors.joining(", ")) + ".");
    }

    /** A service by name, for a target that may also be a repo: the error then lists both. */
    public ServiceName serviceOrRepoMissing(String target, Stage stage) {
        try {
            return service(target, stage);
        } catch (UnknownTargetException e) {
            throw new UnknownTargetException(e.getMessage().replace("There is no service", "There is no service or repo")
                    + " The repos are " + configuration.repoNames() + ".");
        }
    }

    /** Waits for a parallel read, rethrowing its failure as it was thrown. */
    static <T> T join(java.util.concurrent.CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    public String project(Codebase codebase, String project) {
        if (codebase.projects().contains(project)) {
            return project;
        }
        throw new UnknownTargetException(codebase.repo() + " has no project '" + project + "'; "
                + (codebase.projects().size() == 1 ? "its project is " : "its projects are ")
                + join(codebase.projects(), "and") + ".");
    }

    static String join(List<String> items, String last) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " " + last + " " + items.get(items.size() - 1);
    }
}
