package majortom.command;

import java.util.Objects;
import majortom.config.Stage;

/**
 * List the latest commits that changed a service's or repo's files in a stage.
 */
public record ListHistory(String target, Stage stage) implements Command {

    public ListHistory {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(stage, "stage");
    }

    @Override
    public <R> R accept(Handler<R> handler) {
        return handler.listHistory(this);
    }

    @Override
    public java.util.Optional<majortom.config.Stage> targetStage() {
        return java.util.Optional.of(stage);
    }

    @Override
    public Verb verb() {
        return Verb.LIST;
    }

    @Override
    public String canonical() {
        return "list " + target + " env=" + stage;
    }
}
