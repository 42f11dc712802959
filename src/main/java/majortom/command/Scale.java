package majortom.command;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import majortom.config.Stage;

/**
 * Set the autoscaling bounds of a service in a stage, one or both, in the order given.
 */
public record Scale(String service, Stage stage, List<ReplicaBound> bounds) implements Command {

    public Scale {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(stage, "stage");
        bounds = List.copyOf(bounds);
        if (bounds.isEmpty() || bounds.size() > 2
                || bounds.stream().map(ReplicaBound::field).distinct().count() != bounds.size()) {
            throw new IllegalArgumentException("scale takes minReplicas, maxReplicas or both, once each");
        }
    }

    @Override
    public <R> R accept(Handler<R> handler) {
        return handler.scale(this);
    }

    @Override
    public java.util.Optional<majortom.config.Stage> targetStage() {
        return java.util.Optional.of(stage);
    }

    @Override
    public Verb verb() {
        return Verb.SCALE;
    }

    @Override
    public String canonical() {
        return "scale " + service + " env=" + stage + " "
                + bounds.stream().map(ReplicaBound::toString).collect(Collectors.joining(" "));
    }
}
