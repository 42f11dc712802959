package majortom.command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import majortom.config.Stage;
import majortom.error.RefusedException;
import majortom.error.UsageException;

/**
 * Turns command text ({@code release openwarehouse project=tv image-tag=prod_81ab7ac}) into a typed command.
 *
 * <p>Each command declares its positional argument and its {@code key=value} arguments; a missing,
 * repeated or unknown argument is refused by name, with what to type instead. Names are not checked
 * against the configuration here: the operation that resolves them lists the valid ones.
 */
public final class CommandParser {

    private static final String SPACE = "[\\s\\u00A0]+";

    /** Parses one command; an empty text asks for help. */
    public Command parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            return new Help(Optional.empty());
        }
        List<String> tokens = List.of(trimmed.split(SPACE));
        String word = tokens.get(0);
        Verb verb = Verb.ofText(word).orElseThrow(() -> new UsageException("I don't know the command '" + word
                + "'. The commands are " + Verb.wordList() + "; type `help` to see each with an example."));
        Arguments args = Arguments.split(verb, tokens.subList(1, tokens.size()));
        return switch (verb) {
            case RELEASE -> release(args);
            case DEPLOY -> deploy(args);
            case SCALE -> scale(args);
            case LIST -> list(args);
            case INFO -> info(args);
            case HELP -> help(args);
        };
    }

    private static Release release(Arguments args) {
        args.allowOnly(Set.of("project", "image-tag"));
        String repo = args.positional("the repo to release");
        Optional<String> project = args.optional("project");
        ImageTag tag = new ImageTag(args.required("image-tag", "the tag to release"));
        return new Release(repo, project, tag);
    }

    private static Deploy deploy(Arguments args) {
        args.allowOnly(Set.of("env", "image-tag"));
        String repo = args.positional("the repo to deploy");
        String env = args.required("env", "dev or staging");
        ImageTag tag = new ImageTag(args.required("image-tag", "the tag to deploy"));
        Stage stage = Stage.fromLabel(env).orElseThrow(() -> new UsageException(
                "env=" + env + " is not a stage that deploy takes; use env=dev or env=staging."));
        if (stage == Stage.PROD) {
            throw new RefusedException("deploy does not change prod: prod gets a new tag through release, for example"
                    + " `release " + repo + " image-tag=" + tag + "` (add project= for a multi-project repo).");
        }
        return new Deploy(repo, stage, tag);
    }

    private static Scale scale(Arguments args) {
        args.allowOnly(Set.of("env", "minReplicas", "maxReplicas"));
        String service = args.positional("the service to scale");
        Stage stage = stage(args.required("env", "the stage"));
        List<ReplicaBound> bounds = new ArrayList<>();
        for (String key : args.keys()) {
            ReplicaBound.Field.ofKey(key).ifPresent(field -> bounds.add(
                    new ReplicaBound(field, positive(key, args.required(key, "a positive whole number")))));
        }
        if (bounds.isEmpty()) {
            throw new UsageException("scale needs minReplicas=, maxReplicas= or both, for example `"
                    + Verb.SCALE.example() + "`.");
        }
        return new Scale(service, stage, bounds);
    }

    private static Command list(Arguments args) {
        args.allowOnly(Set.of("project", "env"));
        Optional<String> project = args.optional("project");
        if (project.isPresent()) {
            if (!args.positionals.isEmpty()) {
                throw new UsageException("list takes either project= or a service or repo name, not both;"
                        + " for example `list project=tv env=staging` or `list mirror-tv-nuxt env=prod`.");
            }
            return new ListServices(project.get(), stage(args.required("env", "the stage")));
        }
        String target = args.positional("project= or a service or repo name");
        return new ListHistory(target, stage(args.required("env", "the stage")));
    }

    private static Info info(Arguments args) {
        args.allowOnly(Set.of("env"));
        String target = args.positional("the service or repo to show");
        return new Info(target, stage(args.required("env", "the stage")));
    }

    private static Stage stage(String env) {
        return Stage.fromLabel(env).orElseThrow(() -> new UsageException(
                "env=" + env + " is not a stage; use env=dev, env=staging or env=prod."));
    }

    private static int positive(String key, String value) {
        if (!value.matches("[0-9]{1,6}") || Integer.parseInt(value) < 1) {
            throw new UsageException(key + "=" + value + " is not a positive whole number; write for example "
                    + key + "=3.");
        }
        return Integer.parseInt(value);
    }

    private static Help help(Arguments args) {
        args.allowOnly(Set.of());
        if (args.positionals.isEmpty()) {
            return new Help(Optional.empty());
        }
        String topic = args.positional("a command");
        Verb verb = Verb.ofText(topic).orElseThrow(() -> new UsageException("There is no command '" + topic
                + "' to explain. The commands are " + Verb.wordList() + "."));
        return new Help(Optional.of(verb));
    }

    /** The words after the verb, split into positionals and {@code key=value} pairs. */
    private static final class Arguments {
        private final Verb verb;
        private final List<String> positionals;
        private final Map<String, String> named;

        private Arguments(Verb verb, List<String> positionals, Map<String, String> named) {
            this.verb = verb;
            this.positionals = positionals;
            this.named = named;
        }

        static Arguments split(Verb verb, List<String> tokens) {
            List<String> positionals = new ArrayList<>();
            Map<String, String> named = new LinkedHashMap<>();
            for (String token : tokens) {
                int eq = token.indexOf('=');
                if (eq < 0) {
                    positionals.add(token);
                    continue;
                }
                String key = token.substring(0, eq);
                String value = token.substring(eq + 1);
                if (key.isEmpty()) {
                    throw new UsageException("'" + token + "' has no name before '='; write it as name=value,"
                            + " with no spaces around '='.");
                }
                if (named.containsKey(key)) {
                    throw new UsageException(key + "= is given twice; give it once.");
                }
                named.put(key, value);
            }
            return new Arguments(verb, positionals, named);
        }

        void allowOnly(Set<String> keys) {
            for (String key : named.keySet()) {
                if (keys.contains(key)) {
                    continue;
                }
                Optional<String> near = keys.stream()
                        .filter(k -> normalise(k).equals(normalise(key)))
                        .findFirst();
                String takes = keys.isEmpty()
                        ? verb.word() + " takes no name=value arguments."
                        : verb.word() + " takes " + keys.stream().sorted().map(k -> k + "=")
                                .collect(Collectors.joining(" and ")) + ".";
                throw new UsageException(verb.word() + " does not take " + key + "=. "
                        + near.map(k -> "Did you mean " + k + "=? ").orElse("") + takes);
            }
        }

        /** The keys given, in the order they were typed. */
        List<String> keys() {
            return List.copyOf(named.keySet());
        }

        String positional(String what) {
            if (positionals.isEmpty()) {
                throw new UsageException(verb.word() + " needs " + what + ", for example `" + verb.example() + "`.");
            }
            if (positionals.size() > 1) {
                throw new UsageException(verb.word() + " takes one name, but got " + positionals.stream()
                        .map(p -> "'" + p + "'").collect(Collectors.joining(" and "))
                        + ". Arguments after the name are written name=value, for example `" + verb.example() + "`.");
            }
            return positionals.get(0);
        }

        String required(String key, String what) {
            String value = named.get(key);
            if (value == null) {
                throw new UsageException(verb.word() + " needs " + key + "= (" + what + "), for example `"
                        + verb.example() + "`.");
            }
            if (value.isEmpty()) {
                throw new UsageException(key + "= has no value; write " + key + "=" + placeholder(key) + ".");
            }
            return value;
        }

        Optional<String> optional(String key) {
            String value = named.get(key);
            if (value != null && value.isEmpty()) {
                throw new UsageException(key + "= has no value; write " + key + "=" + placeholder(key)
                        + ", or leave it out.");
            }
            return Optional.ofNullable(value);
        }

        private static String placeholder(String key) {
            return "{" + key + "}";
        }

        private static String normalise(String key) {
            return key.toLowerCase(Locale.ROOT).replaceAll("[-_]", "");
        }
    }
}
