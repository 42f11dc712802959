package majortom.command;

import java.util.Objects;
import java.util.Optional;

/**
 * List the commands, or show one command's usage.
 */
public record Help(Optional<Verb> topic) implements Command {

    public Help {
        Objects.requireNonNull(topic, "topic");
    }

    @Override
    public <R> R accept(Handler<R> handler) {
        return handler.help(this);
    }

    @Override
    public java.util.Optional<majortom.config.Stage> targetStage() {
        return java.util.Optional.empty();
    }

    @Override
    public Verb verb() {
        return Verb.HELP;
    }

    @Override
    public String canonical() {
        return "help" + topic.map(v -> " " + v.word()).orElse("");
    }
}
