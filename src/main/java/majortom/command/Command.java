package majortom.command;

/**
 * A command, parsed and checked, ready to run; nothing past the parser sees raw text.
 */
public sealed interface Command permits Release, Deploy, Scale, ListServices, ListHistory, Info, Help {

    /** Calls the handler's method for this kind of command, so every kind is handled or the build fails. */
    <R> R accept(Handler<R> handler);

    Verb verb();

    /** The stage the command acts on; help has none. */
    java.util.Optional<majortom.config.Stage> targetStage();

    /** The command as one would type it, normalised; it goes into commit messages. */
    String canonical();

    /** One method per kind of command. */
    interface Handler<R> {
        R release(Release command);

        R deploy(Deploy command);

        R scale(Scale command);

        R listServices(ListServices command);

        R listHistory(ListHistory command);

        R info(Info command);

        R help(Help command);
    }
}
