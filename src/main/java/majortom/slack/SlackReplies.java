package majortom.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import majortom.command.Caller;
import majortom.command.Verb;
import majortom.error.CommandException;
import majortom.ops.Change;
import majortom.ops.CommandResult;
import majortom.ops.HistoryLine;
import majortom.ops.Outcome;

/**
 * Renders outcomes and errors as Slack slash-command responses in Block Kit.
 *
 * @see <a href="https://api.slack.com/interactivity/slash-commands#responding_to_commands">Responding to slash commands</a>
 * @see <a href="https://api.slack.com/reference/surfaces/formatting#escaping">Escaping text for mrkdwn</a>
 */
public final class SlackReplies {

    /** @see <a href="https://api.slack.com/reference/block-kit/blocks#section">Section block: text up to 3000 characters</a> */
    private static final int SECTION_LIMIT = 3000;

    private SlackReplies() {
    }

    /** The reply for whatever a command came to. */
    public static JsonObject render(CommandResult result, Caller caller) {
        if (result.outcome().isPresent()) {
            return success(result.outcome().get(), caller);
        }
        if (result.error().isPresent()) {
            return error(result.error().get(), Verb.ofText(result.text()));
        }
        return internalError(result.reference());
    }

    /** A success: in the channel, saying who did what where, old and new values, and the commit. */
    public static JsonObject success(Outcome outcome, Caller caller) {
        return switch (outcome.verb()) {
            case RELEASE, DEPLOY, SCALE -> edit(outcome, caller);
            // Read-only answers go to the asker alone, so a channel is not flooded with listings.
            case LIST, INFO, HELP -> report(outcome);
        };
    }

    private static JsonObject edit(Outcome outcome, Caller caller) {
        JsonObject reply = new JsonObject();
        reply.addProperty("response_type", "in_channel");
        String who = who(caller);
        String headline = outcome.changed()
                ? who + " ran *" + outcome.verb().word() + "* on *" + escape(outcome.target()) + "*"
                : who + " ran *" + outcome.verb().word() + "* on *" + escape(outcome.target())
                        + "*: already up to date, nothing to change";
        reply.addProperty("text", plainWho(caller) + ": " + outcome.message());
        JsonArray blocks = new JsonArray();
        blocks.add(section(headline));
        if (!outcome.changes().isEmpty()) {
            JsonObject fields = new JsonObject();
            fields.addProperty("type", "section");
            JsonArray items = new JsonArray();
            for (Change change : outcome.changes()) {
                String value = change.isNoOp()
                        ? "`" + escape(change.to()) + "` (unchanged)"
                        : "`" + escape(change.from().orElse("none")) + "` \u2192 `" + escape(change.to()) + "`";
                items.add(mrkdwn("*" + escape(change.field()) + "*\n" + value));
            }
            fields.add("fields", items);
            blocks.add(fields);
        }
        List<String> context = new ArrayList<>();
        outcome.commit().ifPresent(c -> context.add("commit " + c.url()
                .map(u -> "<" + u + "|" + c.shortSha() + ">").orElse("`" + c.shortSha() + "`")));
        outcome.path().ifPresent(p -> context.add("`" + escape(p) + "`"));
        outcome.notes().forEach(n -> context.add(escape(n)));
        if (!context.isEmpty()) {
            JsonObject block = new JsonObject();
            block.addProperty("type", "context");
            JsonArray elements = new JsonArray();
            context.forEach(c -> elements.add(mrkdwn(c)));
            block.add("elements", elements);
            blocks.add(block);
        }
        reply.add("blocks", blocks);
        return reply;
    }

    /** An error: only the sender sees it, with the reason and the usage line of the command they tried. */
    public static JsonObject error(CommandException error, Optional<Verb> verb) {
        String text = ":warning: " + escape(error.getMessage())
                + verb.filter(v -> error.fault().showsUsage())
                        .map(v -> "\nUsage: `" + escape(v.usage()) + "`").orElse("");
        return ephemeral(text);
    }

    /** The immediate answer when the work outlasts Slack's budget; the result follows at the response_url. */
    public static JsonObject workingOnIt(String text) {
        return ephemeral(":hourglass_flowing_sand: Working on `" + escape(text.strip()) + "`; the result will be"
                + " posted here in a moment.");
    }

    /** A failure with no user-facing cause: only a reference to look up in the logs. */
    public static JsonObject internalError(String reference) {
        return ephemeral(":x: Something went wrong inside major-tom (reference " + reference + ")."
                + " Check the latest commits of kubernetes-configs before you try again,"
                + " and give the reference to whoever runs major-tom.");
    }

    private static JsonObject report(Outcome outcome) {
        StringBuilder text = new StringBuilder("*").append(escape(outcome.message())).append("*");
        if (!outcome.history().isEmpty()) {
            for (HistoryLine h : outcome.history()) {
                text.append("\n\u2022 ").append(escape(h.date())).append("  ")
                        .append(h.url().map(u -> "<" + u + "|" + h.shortSha() + ">").orElse("`" + h.shortSha() + "`"))
                        .append("  ").append(escape(h.title())).append("  _(").append(escape(h.requestedBy()))
                        .append(")_");
            }
        } else {
            for (String line : outcome.lines()) {
                text.append(outcome.verb() == Verb.HELP ? "\n\u2022 " : "\n").append(escape(line));
            }
        }
        JsonObject reply = ephemeral(text.toString());
        // A section holds at most 3000 characters; longer answers go as plain message text.
        if (text.length() <= SECTION_LIMIT) {
            JsonArray blocks = new JsonArray();
            blocks.add(section(text.toString()));
            reply.add("blocks", blocks);
        }
        return reply;
    }

    private static JsonObject ephemeral(String text) {
        JsonObject reply = new JsonObject();
        reply.addProperty("response_type", "ephemeral");
        reply.addProperty("text", text);
        return reply;
    }

    private static JsonObject section(String text) {
        JsonObject block = new JsonObject();
        block.addProperty("type", "section");
        block.add("text", mrkdwn(text));
        return block;
    }

    private static JsonObject mrkdwn(String text) {
        JsonObject t = new JsonObject();
        t.addProperty("type", "mrkdwn");
        t.addProperty("text", text);
        return t;
    }

    private static String who(Caller caller) {
        if (caller instanceof Caller.SlackUser user && user.userId().matches("[UW][A-Z0-9]+")) {
            return "<@" + user.userId() + ">";
        }
        return escape(plainWho(caller));
    }

    private static String plainWho(Caller caller) {
        if (caller instanceof Caller.SlackUser user) {
            return user.userName().isEmpty() ? user.userId() : user.userName();
        }
        return caller.trailer();
    }

    /**
     * Slack asks for exactly these three to be escaped in message text; user and channel mentions
     * that major-tom writes itself ({@code <@U…>}, {@code <#C…>}) stay live.
     */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replaceAll("&lt;([@#][UWC][A-Z0-9]{2,})&gt;", "<$1>");
    }

    /** Slack sends the command text with the same three escaped; the parser wants them back. */
    public static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
