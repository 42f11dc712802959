package majortom.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code access:} section of function.yaml: who may do what where, and the tags each stage accepts.
 *
 * <p>A command and stage that no rule covers is open to every verified caller; once a rule covers
 * it, the caller must be allowed by one of the rules that do.
 */
public record AccessPolicy(List<AccessRule> rules, Map<Stage, Pattern> tagPatterns) {

    public AccessPolicy {
        rules = List.copyOf(rules);
        tagPatterns = Map.copyOf(tagPatterns);
    }

    /** No rules and no tag patterns: everyone may do everything (local development). */
    public static AccessPolicy open() {
        return new AccessPolicy(List.of(), Map.of());
    }

    public List<AccessRule> rulesFor(String command, Optional<Stage> stage) {
        return rules.stream().filter(r -> r.covers(command, stage)).collect(java.util.stream.Collectors.toList());
    }

    public Optional<Pattern> tagPattern(Stage stage) {
        return Optional.ofNullable(tagPatterns.get(stage));
    }
}
