package majortom;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.function.Supplier;
import majortom.ci.CiTokens;
import majortom.cluster.ClusterReader;
import majortom.cluster.gke.GkeClusterReader;
import majortom.config.Configuration;
import majortom.config.ConfigurationException;
import majortom.config.ConfigurationLoader;
import majortom.repo.ConfigRepository;
import majortom.repo.github.AppInstallationTokens;
import majortom.repo.github.GitHubConfigRepository;
import majortom.repo.local.LocalGitConfigRepository;

/**
 * Everything the function needs from its environment, read once at start-up; a missing or malformed
 * variable stops start-up with a message naming it (and never its value).
 *
 * <p>Variables: {@code SLACK_SIGNING_SECRET} (required), {@code GITHUB_TOKEN} or the GitHub App's
 * {@code GITHUB_APP_ID}, {@code GITHUB_APP_INSTALLATION_ID} and {@code GITHUB_APP_PRIVATE_KEY}
 * (without either, local mode on a git repository on disk), {@code GITHUB_API_URL}, {@code MAJOR_TOM_CI_TOKENS},
 * {@code MAJOR_TOM_CONFIG}, {@code MAJOR_TOM_LOCAL_REPO}, {@code MAJOR_TOM_SLACK_BUDGET_MS},
 * {@code MAJOR_TOM_GKE_ENDPOINT} (read on the first {@code info}).
 */
record Wiring(Configuration configuration, ConfigRepository repository, byte[] slackSecret, CiTokens ciTokens,
        Duration slackBudget, Supplier<ClusterReader> clusters) {

    private static final Logger LOG = Logger.getLogger(Wiring.class.getName());
    static final String DEFAULT_API_URL = "https://api.github.com";
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(8);
    /** Below Slack's three seconds, leaving room for the network. */
    static final Duration DEFAULT_SLACK_BUDGET = Duration.ofMillis(2500);

    Wiring {
        Objects.requireNonNull(configuration, "configuration");
        Objects.requireNonNull(repository, "repository");
        slackSecret = slackSecret.clone();
        Objects.requireNonNull(ciTokens, "ciTokens");
        Objects.requireNonNull(slackBudget, "slackBudget");
        Objects.requireNonNull(clusters, "clusters");
    }

    static Wiring fromEnvironment(Map<String, String> env) {
        String secret = value(env, "SLACK_SIGNING_SECRET").orElseThrow(() -> new ConfigurationException(
                "SLACK_SIGNING_SECRET is not set: give it the Signing Secret from the Slack app's Basic Information page."));
        CiTokens ci;
        try {
            ci = value(env, "MAJOR_TOM_CI_TOKENS").map(CiTokens::parse).orElse(CiTokens.none());
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("MAJOR_TOM_CI_TOKENS is malformed: " + e.getMessage() + ".");
        }
        Configuration configuration = loadConfiguration(value(env, "MAJOR_TOM_CONFIG"));
        ConfigRepository repository = repository(env, configuration);
        Duration budget = value(env, "MAJOR_TOM_SLACK_BUDGET_MS").map(Wiring::budget).orElse(DEFAULT_SLACK_BUDGET);
        // The GKE client is heavy: it is created on the first info, never at start-up.
        Map<String, String> copy = Map.copyOf(env);
        Supplier<ClusterReader> clusters = () -> GkeClusterReader.fromEnvironment(copy);
        return new Wiring(configuration, repository, secret.getBytes(StandardCharsets.UTF_8), ci, budget, clusters);
    }

    private static Duration budget(String millis) {
        if (!millis.matches("[0-9]{1,5}") || Integer.parseInt(millis) < 100 || Integer.parseInt(millis) > 2900) {
            throw new ConfigurationException("MAJOR_TOM_SLACK_BUDGET_MS must be a whole number of milliseconds"
                    + " from 100 to 2900 (Slack waits 3000).");
        }
        return Duration.ofMillis(Integer.parseInt(millis));
    }

    private static ConfigRepository repository(Map<String, String> env, Configuration configuration) {
        Optional<String> token = value(env, "GITHUB_TOKEN");
        Optional<String> appId = value(env, "GITHUB_APP_ID");
        String apiUrl = value(env, "GITHUB_API_URL").orElse(DEFAULT_API_URL);
        if (appId.isPresent()) {
            if (token.isPresent()) {
                throw new ConfigurationException("GITHUB_TOKEN and GITHUB_APP_ID are both set: keep one way to"
                        + " authenticate to GitHub.");
            }
            String installation = value(env, "GITHUB_APP_INSTALLATION_ID").orElseThrow(() -> new ConfigurationException(
                    "GITHUB_APP_INSTALLATION_ID is not set: it goes with GITHUB_APP_ID (see the App's installation URL)."));
            String pem = value(env, "GITHUB_APP_PRIVATE_KEY").orElseThrow(() -> new ConfigurationException(
                    "GITHUB_APP_PRIVATE_KEY is not set: it goes with GITHUB_APP_ID (the App's .pem private key)."));
            RSAPrivateKey key;
            try {
                key = AppInstallationTokens.parsePrivateKey(pem);
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException("GITHUB_APP_PRIVATE_KEY is " + e.getMessage() + ".");
            }
            AppInstallationTokens tokens = new AppInstallationTokens(apiUrl, appId.get(), installation, key,
                    Clock.systemUTC(), CONNECT_TIMEOUT, REQUEST_TIMEOUT);
            return GitHubConfigRepository.withApp(apiUrl, tokens, configuration.github(), CONNECT_TIMEOUT,
                    REQUEST_TIMEOUT);
        }
        if (token.isPresent()) {
            return GitHubConfigRepository.withToken(apiUrl, token.get(), configuration.github(),
                    CONNECT_TIMEOUT, REQUEST_TIMEOUT);
        }
        if (value(env, "K_SERVICE").isPresent()) {
            // On Cloud Functions, local mode would commit to a throw-away sample: refuse to start instead.
            throw new ConfigurationException("GITHUB_TOKEN is not set: major-tom needs it (or GITHUB_APP_ID with"
                    + " GITHUB_APP_INSTALLATION_ID and GITHUB_APP_PRIVATE_KEY) on Cloud Functions; local mode is for"
                    + " development only.");
        }
        Path dir = value(env, "MAJOR_TOM_LOCAL_REPO").map(Path::of)
                .orElse(Path.of(System.getProperty("java.io.tmpdir"), "major-tom", "kubernetes-configs"));
        LocalGitConfigRepository local = LocalGitConfigRepository.openOrCreate(dir, configuration.github().branch(),
                Clock.systemUTC());
        LOG.info(() -> "GITHUB_TOKEN is not set: local mode on the git repository at " + local.root());
        return local;
    }

    static Configuration loadConfiguration(Optional<String> path) {
        if (path.isPresent()) {
            Path file = Path.of(path.get());
            try {
                return ConfigurationLoader.parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
            } catch (IOException e) {
                throw new ConfigurationException("MAJOR_TOM_CONFIG names " + file + ", which cannot be read.", e);
            }
        }
        try (InputStream in = Wiring.class.getResourceAsStream("/function.yaml")) {
            if (in == null) {
                throw new ConfigurationException("MAJOR_TOM_CONFIG is not set and no function.yaml is packaged.");
            }
            return ConfigurationLoader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    "function.yaml (packaged)");
        } catch (IOException e) {
            throw new ConfigurationException("the packaged function.yaml cannot be read.", e);
        }
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }
}
