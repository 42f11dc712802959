package majortom.command;

import java.util.Objects;
import majortom.config.Stage;

/**
 * Set the image tag of a non-prod stage of a repo, shared by all of its projects.
 */
public record Deploy(String repo, Stage stage, ImageTag tag) implements Command {

    public Deploy {
        Objects.requireNonNull(repo, "repo");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(tag, "tag");
        if (stage == Stage.PROD) {
            throw new IllegalArgumentException("deploy never targets prod");
        }
    }

    @Override
    public <R> R accept(Handler<R> handler) {
        return handler.deploy(this);
    }

    @Override
    public java.util.Optional<majortom.config.Stage> targetStage() {
        return java.util.Optional.of(stage);
    }

    @Override
    public Verb verb() {
        return Verb.DEPLOY;
    }

    @Override
    public String canonical() {
        return "deploy " + repo + " env=" + stage + " image-tag=" + tag;
    }
}
