package majortom.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads function.yaml strictly: an unknown key, a missing field or an unknown layout stops start-up
 * with a message that names the key and the file.
 */
public final class ConfigurationLoader {

    /** Top-level sections; those other than github and codebases are read by other parts or by scripts/deploy. */
    /** deploy: is read by scripts/deploy (majortom.deploy.DeployPlan), not at run time. */
    private static final Set<String> TOP_LEVEL = Set.of("github", "codebases", "access", "clusters", "deploy");
    private static final Set<String> CLUSTER_KEYS = Set.of("gke", "namespace");
    private static final Set<String> ACCESS_KEYS = Set.of("rules", "tag-patterns");
    private static final Set<String> RULE_KEYS = Set.of("commands", "stages", "users", "channels", "ci");
    /** The words a rule may name; info is accepted ahead of the command itself. */
    private static final Set<String> COMMANDS = Set.of("release", "deploy", "scale", "list", "info", "help");
    private static final Set<String> GITHUB_KEYS = Set.of("repository", "branch");
    private static final Set<String> CODEBASE_KEYS =
            Set.of("repo", "layout", "image", "stages", "projects", "services");

    private final String source;

    private ConfigurationLoader(String source) {
        this.source = source;
    }

    /**
     * Parses function.yaml text.
     *
     * @param source where the text came from, named in every error
     */
    public static Configuration parse(String text, String source) {
        return new ConfigurationLoader(source).read(text);
    }

    private Configuration read(String text) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        } catch (YAMLException e) {
            throw new ConfigurationException(source + " is not valid YAML: " + e.getMessage(), e);
        }
        Map<String, Object> top = map(root, "the top level");
        checkKeys(top, TOP_LEVEL, "");
        Map<String, Object> github = map(required(top, "github", ""), "github");
        checkKeys(github, GITHUB_KEYS, "github.");
        GitHubSettings settings = build("github", () -> new GitHubSettings(
                string(required(github, "repository", "github."), "github.repository"),
                string(required(github, "branch", "github."), "github.branch")));

        List<Object> items = list(required(top, "codebases", ""), "codebases");
        List<Codebase> codebases = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            codebases.add(codebase(items.get(i), "codebases[" + i + "]"));
        }
        AccessPolicy access = top.containsKey("access") ? access(top.get("access")) : AccessPolicy.open();
        Map<String, Map<Stage, ClusterTarget>> clusters = top.containsKey("clusters")
                ? clusters(top.get("clusters")) : Map.of();
        return build("codebases", () -> new Configuration(settings, codebases, access, clusters));
    }

    /** {@code clusters: {project: {stage: {gke: ..., namespace: ...}}}}. */
    private Map<String, Map<Stage, ClusterTarget>> clusters(Object node) {
        Map<String, Map<Stage, ClusterTarget>> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> project : map(node, "clusters").entrySet()) {
            Map<Stage, ClusterTarget> stages = new java.util.EnumMap<>(Stage.class);
            String at = "clusters." + project.getKey();
            for (Map.Entry<String, Object> stage : map(project.getValue(), at).entrySet()) {
                String here = at + "." + stage.getKey();
                Stage s = Stage.fromLabel(stage.getKey()).orElseThrow(() -> fail(here,
                        "is not a stage; use dev, staging or prod"));
                Map<String, Object> target = map(stage.getValue(), here);
                checkKeys(target, CLUSTER_KEYS, here + ".");
                String gke = string(required(target, "gke", here + "."), here + ".gke");
                String namespace = target.containsKey("namespace")
                        ? string(target.get("namespace"), here + ".namespace") : "default";
                stages.put(s, build(here, () -> new ClusterTarget(gke, namespace)));
            }
            out.put(project.getKey(), stages);
        }
        return out;
    }

    private AccessPolicy access(Object node) {
        Map<String, Object> m = map(node, "access");
        checkKeys(m, ACCESS_KEYS, "access.");
        List<AccessRule> rules = new ArrayList<>();
        if (m.containsKey("rules")) {
            List<Object> items = list(m.get("rules"), "access.rules");
            for (int i = 0; i < items.size(); i++) {
                String at = "access.rules[" + i + "]";
                Map<String, Object> r = map(items.get(i), at);
                checkKeys(r, RULE_KEYS, at + ".");
                List<String> commands = strings(required(r, "commands", at + "."), at + ".commands");
                for (String c : commands) {
                    if (!COMMANDS.contains(c)) {
                        throw fail(at + ".commands", "names unknown command '" + c + "'; the commands are "
                                + String.join(", ", sorted(COMMANDS)));
                    }
                }
                List<Stage> stages = new ArrayList<>();
                for (String label : optionalStrings(r, "stages", at)) {
                    stages.add(Stage.fromLabel(label).orElseThrow(() -> fail(at + ".stages",
                            "has unknown stage '" + label + "'; use dev, staging or prod")));
                }
                List<String> users = optionalStrings(r, "users", at);
                List<String> channels = optionalStrings(r, "channels", at);
                List<String> ci = optionalStrings(r, "ci", at);
                if (users.isEmpty() && channels.isEmpty() && ci.isEmpty()) {
                    throw fail(at, "allows nobody; name users, channels or ci (\"*\" for any)");
                }
                rules.add(build(at, () -> new AccessRule(Set.copyOf(commands), Set.copyOf(stages), Set.copyOf(users),
                        Set.copyOf(channels), Set.copyOf(ci))));
            }
        }
        Map<Stage, java.util.regex.Pattern> patterns = new java.util.EnumMap<>(Stage.class);
        if (m.containsKey("tag-patterns")) {
            Map<String, Object> p = map(m.get("tag-patterns"), "access.tag-patterns");
            for (Map.Entry<String, Object> e : p.entrySet()) {
                String at = "access.tag-patterns." + e.getKey();
                Stage stage = Stage.fromLabel(e.getKey()).orElseThrow(() -> fail(at, "is not a stage; use dev, staging or prod"));
                String regex = string(e.getValue(), at);
                try {
                    patterns.put(stage, java.util.regex.Pattern.compile(regex));
                } catch (java.util.regex.PatternSyntaxException ex) {
                    throw fail(at, "is not a valid regular expression");
                }
            }
        }
        return new AccessPolicy(rules, patterns);
    }

    private List<String> optionalStrings(Map<String, Object> m, String key, String at) {
        return m.containsKey(key) ? strings(m.get(key), at + "." + key) : List.of();
    }

    private Codebase codebase(Object node, String at) {
        Map<String, Object> m = map(node, at);
        String prefix = at + ".";
        checkKeys(m, CODEBASE_KEYS, prefix);
        String repo = string(required(m, "repo", prefix), prefix + "repo");
        String layoutText = string(required(m, "layout", prefix), prefix + "layout");
        Layout layout = Layout.fromLabel(layoutText).orElseThrow(() -> fail(prefix + "layout",
                "is '" + layoutText + "'; use single or multi-project"));
        Optional<String> image = m.containsKey("image")
                ? Optional.of(string(m.get("image"), prefix + "image")) : Optional.empty();
        List<Stage> stages = new ArrayList<>();
        for (Object s : list(required(m, "stages", prefix), prefix + "stages")) {
            String label = string(s, prefix + "stages");
            stages.add(Stage.fromLabel(label).orElseThrow(() -> fail(prefix + "stages",
                    "has unknown stage '" + label + "'; use dev, staging or prod")));
        }
        List<String> projects = strings(required(m, "projects", prefix), prefix + "projects");
        List<String> services = m.containsKey("services")
                ? strings(m.get("services"), prefix + "services") : List.of();
        return build(at, () -> new Codebase(repo, layout, image, stages, projects, services));
    }

    private <T> T build(String at, java.util.function.Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (IllegalArgumentException e) {
            throw fail(at, "is invalid: " + e.getMessage());
        }
    }

    private void checkKeys(Map<String, Object> m, Set<String> allowed, String prefix) {
        for (String key : m.keySet()) {
            if (!allowed.contains(key)) {
                throw fail(prefix + key, "is an unknown key; the keys here are " + String.join(", ", sorted(allowed)));
            }
        }
    }

    private static List<String> sorted(Set<String> keys) {
        List<String> list = new ArrayList<>(keys);
        list.sort(null);
        return list;
    }

    private Object required(Map<String, Object> m, String key, String prefix) {
        Object value = m.get(key);
        if (value == null) {
            throw fail(prefix + key, "is missing");
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> map(Object node, String at) {
        if (!(node instanceof Map)) {
            throw fail(at, "must be a mapping");
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<Object, Object> e : ((Map<Object, Object>) node).entrySet()) {
            copy.put(String.valueOf(e.getKey()), e.getValue());
        }
        return copy;
    }

    @SuppressWarnings("unchecked")
    private List<Object> list(Object node, String at) {
        if (!(node instanceof List)) {
            throw fail(at, "must be a list");
        }
        return (List<Object>) node;
    }

    private List<String> strings(Object node, String at) {
        List<String> out = new ArrayList<>();
        for (Object item : list(node, at)) {
            out.add(string(item, at));
        }
        return out;
    }

    private String string(Object node, String at) {
        if (!(node instanceof String)) {
            throw fail(at, "must be a string (quote it if YAML reads it as a number or boolean)");
        }
        return (String) node;
    }

    private ConfigurationException fail(String key, String problem) {
        return new ConfigurationException(source + ": " + key + " " + problem + ".");
    }
}
