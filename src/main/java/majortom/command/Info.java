package majortom.command;

import java.util.Objects;
import java.util.Optional;
import majortom.config.Stage;

/**
 * Show the live state of a service or repo in a stage, beside what git says.
 */
public record Info(String target, Stage stage) implements Command {

    public Info {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(stage, "stage");
    }

    @Override
    public <R> R accept(Handler<R> handler) {
        return handler.info(this);
    }

    @Override
    public Optional<Stage> targetStage() {
        return Optional.of(stage);
    }

    @Override
    public Verb verb() {
        return Verb.INFO;
    }

    @Override
    public String canonical() {
        return "info " + target + " env=" + stage;
    }
}
