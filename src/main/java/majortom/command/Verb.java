package majortom.command;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The commands major-tom understands, with the usage line and example that help and errors show.
 */
public enum Verb {
    RELEASE("release", "release {repo} [project={project}] image-tag={tag}",
            "release openwarehouse project=tv image-tag=prod_81ab7ac",
            "Sets the prod image tag of a repo; multi-project repos need project=, since each project has its own."),
    DEPLOY("deploy", "deploy {repo} env={dev|staging} image-tag={tag}",
            "deploy openwarehouse env=dev image-tag=dev_1bac23",
            "Sets the image tag of dev or staging, for every project of the repo; prod goes through release."),
    SCALE("scale", "scale {service} env={stage} [minReplicas={n}] [maxReplicas={n}]",
            "scale openwarehouse-tv-gql-external env=prod maxReplicas=12",
            "Sets the autoscaling bounds of a service in a stage; give one bound or both."),
    LIST("list", "list project={project} env={stage} | list {service or repo} env={stage}",
            "list project=tv env=staging",
            "Lists the services and repos of a project, or the latest eleven changes to a service or repo."),
    INFO("info", "info {service or repo} env={stage}",
            "info openwarehouse-tv-gql-internal env=prod",
            "Shows what the cluster runs for a service or repo, beside what git says, and flags any drift."),
    HELP("help", "help [command]",
            "help release",
            "Lists the commands, or shows one command's usage.");

    private final String word;
    private final String usage;
    private final String example;
    private final String summary;

    Verb(String word, String usage, String example, String summary) {
        this.word = word;
        this.usage = usage;
        this.example = example;
        this.summary = summary;
    }

    public String word() {
        return word;
    }

    public String usage() {
        return usage;
    }

    public String example() {
        return example;
    }

    public String summary() {
        return summary;
    }

    /** The verb that a command text starts with, ignoring case, if it is one. */
    public static Optional<Verb> ofText(String text) {
        String first = text.strip().split("[\\s\\u00A0]+", 2)[0].toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(v -> v.word.equals(first)).findFirst();
    }

    /** "release, deploy and help", for messages. */
    public static String wordList() {
        String all = Arrays.stream(values()).map(Verb::word).collect(Collectors.joining(", "));
        int last = all.lastIndexOf(", ");
        return all.substring(0, last) + " and " + all.substring(last + 2);
    }
}
