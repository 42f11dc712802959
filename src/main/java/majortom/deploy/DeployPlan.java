package majortom.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Turns the {@code deploy:} section of function.yaml into the gcloud commands that deploy major-tom
 * as a 2nd-gen Cloud Function; {@code scripts/deploy} runs them, or prints them with {@code --dry-run}.
 *
 * @see <a href="https://cloud.google.com/sdk/gcloud/reference/functions/deploy">gcloud functions deploy</a>
 */
public final class DeployPlan {

    static final Set<String> KEYS = Set.of("name", "project", "region", "runtime", "entry-point", "memory", "cpu",
            "timeout", "min-instances", "max-instances", "concurrency", "cpu-always-allocated", "service-account",
            "env", "secrets");
    private static final Set<String> REQUIRED = Set.of("name", "project", "region", "runtime", "entry-point");

    private DeployPlan() {
    }

    /** The commands, each a list of arguments, for a function.yaml text. */
    public static List<List<String>> commands(String functionYaml, String source, String sourceDir) {
        Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(functionYaml);
        if (!(root instanceof Map<?, ?> top) || !(top.get("deploy") instanceof Map<?, ?> d)) {
            throw new IllegalArgumentException(source + " has no deploy: section");
        }
        Map<String, Object> deploy = new LinkedHashMap<>();
        d.forEach((k, v) -> deploy.put(String.valueOf(k), v));
        for (String key : deploy.keySet()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException(source + ": deploy." + key + " is an unknown key; the keys are "
                        + String.join(", ", new TreeSet<>(KEYS)));
            }
        }
        for (String key : REQUIRED) {
            if (!deploy.containsKey(key)) {
                throw new IllegalArgumentException(source + ": deploy." + key + " is missing");
            }
        }
        String name = text(deploy, "name");
        String region = text(deploy, "region");
        String project = text(deploy, "project");
        List<String> deployCmd = new ArrayList<>(List.of("gcloud", "functions", "deploy", name, "--gen2",
                "--project=" + project, "--region=" + region, "--runtime=" + text(deploy, "runtime"),
                "--entry-point=" + text(deploy, "entry-point"), "--source=" + sourceDir, "--trigger-http",
                // Slack and CI cannot present Google credentials; major-tom verifies every caller itself.
                "--allow-unauthenticated"));
        for (String key : List.of("memory", "cpu", "timeout", "min-instances", "max-instances", "concurrency",
                "service-account")) {
            if (deploy.containsKey(key)) {
                deployCmd.add("--" + key + "=" + text(deploy, key));
            }
        }
        Map<String, String> env = map(deploy, "env");
        if (!env.isEmpty()) {
            deployCmd.add("--set-env-vars=" + join(env));
        }
        Map<String, String> secrets = map(deploy, "secrets");
        if (!secrets.isEmpty()) {
            deployCmd.add("--set-secrets=" + join(secrets));
        }
        List<List<String>> commands = new ArrayList<>();
        commands.add(List.copyOf(deployCmd));
        if (Boolean.TRUE.equals(deploy.get("cpu-always-allocated"))) {
            // A 2nd-gen function is a Cloud Run service of the same name; without this, work after the
            // response (Slack's delayed replies) is CPU-throttled.
            commands.add(List.of("gcloud", "run", "services", "update", name, "--project=" + project,
                    "--region=" + region, "--no-cpu-throttling"));
        }
        return List.copyOf(commands);
    }

    /** A command as one shell line, quoting what needs it. */
    public static String shellLine(List<String> command) {
        return command.stream().map(DeployPlan::quote).collect(Collectors.joining(" "));
    }

    static String quote(String arg) {
        return arg.matches("[A-Za-z0-9_@%+=:,./-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'";
    }

    private static String text(Map<String, Object> deploy, String key) {
        Object value = deploy.get(key);
        if (value == null || value instanceof Map || value instanceof List) {
            throw new IllegalArgumentException("deploy." + key + " must be a single value");
        }
        return String.valueOf(value);
    }

    private static Map<String, String> map(Map<String, Object> deploy, String key) {
        Object value = deploy.get(key);
        Map<String, String> out = new LinkedHashMap<>();
        if (value == null) {
            return out;
        }
        if (!(value instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException("deploy." + key + " must be a mapping of NAME: value");
        }
        m.forEach((k, v) -> {
            if (String.valueOf(v).contains(",")) {
                throw new IllegalArgumentException("deploy." + key + "." + k + " must not contain a comma");
            }
            out.put(String.valueOf(k), String.valueOf(v));
        });
        return out;
    }

    private static String join(Map<String, String> values) {
        return values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
    }

    /** {@code DeployPlan FUNCTION_YAML SOURCE_DIR OUTPUT}: writes the commands to OUTPUT, one shell line each. */
    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: DeployPlan FUNCTION_YAML SOURCE_DIR OUTPUT");
        }
        Path file = Path.of(args[0]);
        List<String> lines = commands(Files.readString(file, StandardCharsets.UTF_8), file.toString(), args[1]).stream()
                .map(DeployPlan::shellLine).collect(Collectors.toList());
        Files.write(Path.of(args[2]), lines, StandardCharsets.UTF_8);
    }
}
