package majortom.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import majortom.command.Caller;
import majortom.command.Command;
import majortom.command.ImageTag;
import majortom.config.AccessPolicy;
import majortom.config.AccessRule;
import majortom.config.Stage;
import majortom.error.RefusedException;

/**
 * Applies function.yaml's access rules before a command runs, and its tag patterns before a tag is set.
 */
public final class AccessControl {

    private final AccessPolicy policy;

    public AccessControl(AccessPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** Refuses, saying who may, when rules cover the command and stage and none allows the caller. */
    public void check(Command command, Caller caller) {
        String word = command.verb().word();
        Optional<Stage> stage = command.targetStage();
        List<AccessRule> rules = policy.rulesFor(word, stage);
        if (rules.isEmpty() || rules.stream().anyMatch(r -> allows(r, caller))) {
            return;
        }
        String where = stage.map(s -> " in " + s).orElse("");
        throw new RefusedException((caller instanceof Caller.CiClient ci ? "The CI token " + ci.name()
                : "You") + " may not " + word + where + ". Only " + who(rules) + " may; ask one of them.");
    }

    /** Refuses a tag that does not match the stage's pattern. */
    public void checkTag(Stage stage, ImageTag tag) {
        policy.tagPattern(stage).ifPresent(p -> {
            if (!p.matcher(tag.value()).matches()) {
                throw new RefusedException(tag + " is not a " + stage + " tag: " + stage + " tags must match "
                        + p.pattern() + ". Use the tag that the " + stage + " build pushed.");
            }
        });
    }

    private static boolean allows(AccessRule rule, Caller caller) {
        if (caller instanceof Caller.SlackUser user) {
            return rule.allowsUser(user.userId()) || rule.allowsChannel(user.channelId());
        }
        return rule.allowsCi(((Caller.CiClient) caller).name());
    }

    private static String who(List<AccessRule> rules) {
        TreeSet<String> users = new TreeSet<>();
        TreeSet<String> channels = new TreeSet<>();
        TreeSet<String> ci = new TreeSet<>();
        rules.forEach(r -> {
            users.addAll(r.users());
            channels.addAll(r.channels());
            ci.addAll(r.ci());
        });
        List<String> parts = new ArrayList<>();
        if (users.contains(AccessRule.ANY)) {
            parts.add("any Slack user");
        } else {
            users.forEach(u -> parts.add("<@" + u + ">"));
        }
        if (channels.contains(AccessRule.ANY)) {
            parts.add("any Slack channel");
        } else {
            channels.forEach(c -> parts.add("anyone in <#" + c + ">"));
        }
        if (ci.contains(AccessRule.ANY)) {
            parts.add("any CI token");
        } else {
            ci.forEach(c -> parts.add("the CI token " + c));
        }
        return Targets.join(parts, "or");
    }
}
