package majortom.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import majortom.command.Caller;
import majortom.command.ReplicaBound;
import majortom.command.Scale;
import majortom.command.Verb;
import majortom.config.ServiceName;
import majortom.error.RefusedException;
import majortom.error.UsageException;
import majortom.yaml.EditException;
import majortom.yaml.HpaEdit;
import majortom.yaml.HpaEditor;

/**
 * {@code scale}: set the autoscaling bounds in a service's {@code hpa.yaml} for a stage.
 */
public final class ScaleOperations {

    private final Targets targets;
    private final FileUpdater updater;

    public ScaleOperations(Targets targets, FileUpdater updater) {
        this.targets = Objects.requireNonNull(targets, "targets");
        this.updater = Objects.requireNonNull(updater, "updater");
    }

    public Outcome scale(Scale command, Caller caller) {
        ServiceName service = targets.service(command.service(), command.stage());
        String path = service.hpaFile(command.stage());
        String target = service.name() + "/" + command.stage();
        Optional<Integer> min = bound(command, ReplicaBound.Field.MIN_REPLICAS);
        Optional<Integer> max = bound(command, ReplicaBound.Field.MAX_REPLICAS);
        FileUpdater.Result<HpaEdit> result = updater.update(path,
                () -> new RefusedException("autoscaling is not supported for " + service.name() + " in "
                        + command.stage() + ": there is no " + path + ". Add one by hand to enable it."),
                text -> {
                    checkBounds(HpaEditor.read(text), min, max, command);
                    return HpaEditor.setBounds(text, min, max);
                },
                edit -> new FileUpdater.Proposal(edit.text(), edit.changed(),
                        "scale(" + target + "): " + describe(changes(command, edit)), List.of()),
                caller, command.canonical());
        List<Change> changes = changes(command, result.proposal());
        String message = result.commit()
                .map(c -> "scale " + target + ": " + describe(changes) + " (commit " + c.shortSha() + ").")
                .orElse(target + " is already at " + command.bounds().stream().map(ReplicaBound::toString)
                        .collect(Collectors.joining(" ")) + "; nothing to change.");
        return Outcome.edit(Verb.SCALE, target, message, changes, result.commit(), path, List.of());
    }

    /** Refuses bounds whose resulting min would exceed the resulting max; an absent min means 1. */
    private static void checkBounds(HpaEdit current, Optional<Integer> min, Optional<Integer> max, Scale command) {
        int newMin = min.orElse(current.previousMin().orElse(1));
        int newMax = max.orElseGet(() -> current.previousMax().orElseThrow(
                () -> new EditException("its HorizontalPodAutoscaler has no maxReplicas")));
        if (newMin > newMax) {
            String have = min.isPresent() && max.isPresent() ? ""
                    : " (the file has " + (min.isPresent() ? "maxReplicas " + newMax : "minReplicas " + newMin) + ")";
            throw new UsageException("minReplicas " + newMin + " would exceed maxReplicas " + newMax + have
                    + ", so nothing was changed. Give both bounds, for example `scale " + command.service() + " env="
                    + command.stage() + " minReplicas=" + newMin + " maxReplicas=" + Math.max(newMin, newMax) + "`.");
        }
    }

    private static Optional<Integer> bound(Scale command, ReplicaBound.Field field) {
        return command.bounds().stream().filter(b -> b.field() == field).map(ReplicaBound::value).findFirst();
    }

    private static List<Change> changes(Scale command, HpaEdit edit) {
        List<Change> changes = new ArrayList<>();
        for (ReplicaBound b : command.bounds()) {
            Optional<Integer> previous = b.field() == ReplicaBound.Field.MIN_REPLICAS ? edit.previousMin()
                    : edit.previousMax();
            changes.add(new Change(b.field().key(), previous.map(String::valueOf), Integer.toString(b.value())));
        }
        return changes;
    }

    private static String describe(List<Change> changes) {
        return changes.stream().map(Change::describe).collect(Collectors.joining(", "));
    }
}
