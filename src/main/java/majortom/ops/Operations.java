package majortom.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import majortom.command.Caller;
import majortom.command.Command;
import majortom.command.Deploy;
import majortom.command.Help;
import majortom.command.Info;
import majortom.command.ListHistory;
import majortom.command.ListServices;
import majortom.command.Release;
import majortom.command.Scale;
import majortom.command.Verb;

/**
 * Runs a parsed command: one handler method per kind of command, so none can be forgotten.
 */
public final class Operations {

    private final ImageOperations images;
    private final ScaleOperations scaling;
    private final ListOperations lists;
    private final InfoOperations infos;
    private final AccessControl access;

    public Operations(ImageOperations images, ScaleOperations scaling, ListOperations lists, InfoOperations infos,
            AccessControl access) {
        this.infos = Objects.requireNonNull(infos, "infos");
        this.access = Objects.requireNonNull(access, "access");
        this.images = Objects.requireNonNull(images, "images");
        this.scaling = Objects.requireNonNull(scaling, "scaling");
        this.lists = Objects.requireNonNull(lists, "lists");
    }

    /** Checks the access rules, then runs the command. */
    public Outcome run(Command command, Caller caller) {
        access.check(command, caller);
        return command.accept(new Command.Handler<Outcome>() {
            @Override
            public Outcome release(Release c) {
                return images.release(c, caller);
            }

            @Override
            public Outcome deploy(Deploy c) {
                return images.deploy(c, caller);
            }

            @Override
            public Outcome scale(Scale c) {
                return scaling.scale(c, caller);
            }

            @Override
            public Outcome listServices(ListServices c) {
                return lists.services(c);
            }

            @Override
            public Outcome listHistory(ListHistory c) {
                return lists.history(c);
            }

            @Override
            public Outcome info(Info c) {
                return infos.info(c);
            }

            @Override
            public Outcome help(Help c) {
                return Operations.help(c);
            }
        });
    }

    static Outcome help(Help command) {
        List<String> lines = new ArrayList<>();
        List<Verb> verbs = command.topic().map(List::of).orElse(List.of(Verb.values()));
        for (Verb verb : verbs) {
            lines.add("`" + verb.usage() + "`: " + verb.summary() + " Example: `" + verb.example() + "`");
        }
        String message = command.topic().isPresent()
                ? "Usage of " + command.topic().get().word() + "."
                : "major-tom changes kubernetes-configs through git. Commands: " + Verb.wordList() + ".";
        return Outcome.text(Verb.HELP, message, lines);
    }
}
