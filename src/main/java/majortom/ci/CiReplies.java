package majortom.ci;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.util.Optional;
import majortom.command.Verb;
import majortom.error.CommandException;
import majortom.error.Fault;
import majortom.ops.Outcome;

/**
 * Renders replies for CI callers as {@code {ok, command, changed, commit, message}} with an HTTP status
 * that {@code curl -f} fails on whenever the command did not succeed.
 */
public final class CiReplies {

    private CiReplies() {
    }

    public static JsonObject success(Outcome outcome) {
        JsonObject reply = base(true, Optional.of(outcome.verb()), outcome.changed(), outcome.message());
        outcome.commit().ifPresent(c -> {
            JsonObject commit = new JsonObject();
            commit.addProperty("sha", c.sha());
            commit.addProperty("url", c.url().orElse(null));
            reply.add("commit", commit);
        });
        if (!outcome.lines().isEmpty()) {
            JsonArray lines = new JsonArray();
            outcome.lines().forEach(lines::add);
            reply.add("lines", lines);
        }
        return reply;
    }

    public static JsonObject error(CommandException error, Optional<Verb> verb) {
        String usage = verb.filter(v -> error.fault().showsUsage()).map(v -> " Usage: " + v.usage()).orElse("");
        return base(false, verb, false, error.getMessage() + usage);
    }

    public static JsonObject failure(String message) {
        return base(false, Optional.empty(), false, message);
    }

    /** The HTTP status for a failed command, by who can fix it. */
    public static int status(Fault fault) {
        return switch (fault) {
            case USAGE -> 400;
            case UNKNOWN_TARGET -> 404;
            case REFUSED -> 403;
            case CONFLICT -> 409;
            case UPSTREAM -> 502;
        };
    }

    private static JsonObject base(boolean ok, Optional<Verb> verb, boolean changed, String message) {
        JsonObject reply = new JsonObject();
        reply.addProperty("ok", ok);
        reply.addProperty("command", verb.map(Verb::word).orElse(null));
        reply.addProperty("changed", changed);
        reply.add("commit", JsonNull.INSTANCE);
        reply.addProperty("message", message);
        return reply;
    }
}
