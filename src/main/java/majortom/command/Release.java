package majortom.command;

import java.util.Objects;
import java.util.Optional;

/**
 * Set the prod image tag of a repo, for one project where the repo serves several.
 */
public record Release(String repo, Optional<String> project, ImageTag tag) implements Command {

    public Release {
        Objects.requireNonNull(repo, "repo");
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(tag, "tag");
    }

    @Override
    public <R> R accept(Handler<R> handler) {
        return handler.release(this);
    }

    @Override
    public java.util.Optional<majortom.config.Stage> targetStage() {
        return java.util.Optional.of(majortom.config.Stage.PROD);
    }

    @Override
    public Verb verb() {
        return Verb.RELEASE;
    }

    @Override
    public String canonical() {
        return "release " + repo + project.map(p -> " project=" + p).orElse("") + " image-tag=" + tag;
    }
}
