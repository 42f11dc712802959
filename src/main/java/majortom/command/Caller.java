package majortom.command;

/**
 * Who sent a command: a Slack user or a CI pipeline; it is recorded in every commit.
 */
public sealed interface Caller permits Caller.SlackUser, Caller.CiClient {

    /** The value of the commit's {@code Requested-by:} trailer. */
    String trailer();

    /**
     * A Slack user in a channel, as the slash command payload names them.
     *
     * @see <a href="https://api.slack.com/interactivity/slash-commands#app_command_handling">Slash command payload</a>
     */
    record SlackUser(String userId, String userName, String channelId, String channelName) implements Caller {

        public SlackUser {
            userId = oneLine(userId);
            userName = oneLine(userName);
            channelId = oneLine(channelId);
            channelName = oneLine(channelName);
        }

        @Override
        public String trailer() {
            String who = userName.isEmpty() ? userId : userName + " (" + userId + ")";
            String where = channelName.isEmpty() ? channelId : "#" + channelName;
            return who + " via Slack " + where;
        }
    }

    /** A CI pipeline, named by the token it used. */
    record CiClient(String name) implements Caller {

        public CiClient {
            name = oneLine(name);
            if (name.isEmpty()) {
                throw new IllegalArgumentException("a CI caller needs a name");
            }
        }

        @Override
        public String trailer() {
            return "ci:" + name;
        }
    }

    /** Callers' names end up in commit trailers: a line break there would forge a trailer. */
    private static String oneLine(String value) {
        return value == null ? "" : value.replaceAll("[\\p{Cntrl}\\u2028\\u2029]", "").strip();
    }
}
