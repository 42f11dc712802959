package majortom.command;

import java.util.Objects;
import majortom.config.Stage;

/**
 * List the services and repos configured for a project in a stage.
 */
public record ListServices(String project, Stage stage) implements Command {

    public ListServices {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(stage, "stage");
    }

    @Override
    public <R> R accept(Handler<R> handler) {
        return handler.listServices(this);
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
        return "list project=" + project + " env=" + stage;
    }
}
