package majortom.config;

import java.util.Objects;
import java.util.Set;

/**
 * Who may run some commands in some stages: Slack user ids, Slack channel ids and CI token names,
 * where {@code "*"} means any.
 *
 * @param stages the stages the rule covers; empty means every stage
 */
public record AccessRule(Set<String> commands, Set<Stage> stages, Set<String> users, Set<String> channels,
        Set<String> ci) {

    public static final String ANY = "*";

    public AccessRule {
        commands = Set.copyOf(commands);
        stages = Set.copyOf(stages);
        users = Set.copyOf(users);
        channels = Set.copyOf(channels);
        ci = Set.copyOf(ci);
        if (commands.isEmpty()) {
            throw new IllegalArgumentException("a rule needs at least one command");
        }
    }

    /** Whether the rule speaks about this command in this stage (a command with no stage matches any rule). */
    public boolean covers(String command, java.util.Optional<Stage> stage) {
        return commands.contains(command) && (stages.isEmpty() || stage.map(stages::contains).orElse(true));
    }

    public boolean allowsUser(String userId) {
        return users.contains(ANY) || users.contains(Objects.requireNonNull(userId));
    }

    public boolean allowsChannel(String channelId) {
        return channels.contains(ANY) || channels.contains(Objects.requireNonNull(channelId));
    }

    public boolean allowsCi(String name) {
        return ci.contains(ANY) || ci.contains(Objects.requireNonNull(name));
    }
}
