package majortom;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.cloud.functions.invoker.runner.Invoker;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.function.Supplier;
import majortom.ci.CiTokens;
import majortom.cluster.ClusterReader;
import majortom.config.Configuration;
import majortom.repo.ConfigRepository;
import majortom.repo.github.GitHubConfigRepository;
import majortom.slack.SlackSignatureVerifier;
import majortom.testing.FakeGitHub;

/**
 * major-tom served by the real Functions Framework invoker, against a stateful WireMock GitHub.
 */
final class FunctionHarness implements AutoCloseable {

    static final String SECRET = "test-signing-secret-0123456789";
    static final String CI_TOKEN = "ci-token-cloudbuild-0123456789";
    static final Instant NOW = Instant.parse("2026-11-25T03:00:00Z");
    static final String REPO = "/repos/mirror-media/kubernetes-configs";
    /** Generous, so that only the tests that add GitHub latency take the delayed path. */
    static final Duration SLACK_BUDGET = Duration.ofMillis(1500);
    static final String RESPONSE_PATH = "/slack/response";

    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final Configuration configuration;
    final FakeGitHub github;
    final WireMockServer wiremock;
    final List<Duration> pauses = new CopyOnWriteArrayList<>();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Invoker invoker;
    private final int port;

    /** A reply from the function: its status and body. */
    record Reply(int status, String body) {
        JsonObject json() {
            return JsonParser.parseString(body).getAsJsonObject();
        }

        String text() {
            return json().get("text").getAsString();
        }
    }

    FunctionHarness() throws Exception {
        this(Wiring.loadConfiguration(java.util.Optional.empty()));
    }

    FunctionHarness(Configuration configuration) throws Exception {
        this(configuration, () -> {
            throw new IllegalStateException("this test has no cluster");
        });
    }

    FunctionHarness(Configuration configuration, Supplier<ClusterReader> clusters) throws Exception {
        this.configuration = configuration;
        this.github = new FakeGitHub(configuration.github().repository(), configuration.github().branch(), clock)
                .withSample();
        this.wiremock = new WireMockServer(wireMockConfig().dynamicPort().extensions(github));
        wiremock.start();
        wiremock.stubFor(any(urlPathMatching("/.*")).atPriority(10)
                .willReturn(aResponse().withTransformers(FakeGitHub.NAME)));
        wiremock.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(RESPONSE_PATH).atPriority(1)
                .willReturn(aResponse().withStatus(200).withBody("ok")));
        github.baseUrl(wiremock.baseUrl());
        ConfigRepository repository = GitHubConfigRepository.withToken(wiremock.baseUrl(), "gh-test-token",
                configuration.github(), Duration.ofSeconds(2), Duration.ofSeconds(3));
        DelegatingFunction.delegate = new MajorTomFunction(configuration, repository,
                SECRET.getBytes(StandardCharsets.UTF_8), CiTokens.parse("cloudbuild=" + CI_TOKEN), clock, pauses::add,
                SLACK_BUDGET, clusters);
        port = freePort();
        invoker = new Invoker(port, DelegatingFunction.class.getName(), "http", getClass().getClassLoader());
        invoker.startTestServer();
    }

    Reply slack(String text) throws Exception {
        return slackAs("U2CERLKJA", "C0DEPLOYS", text);
    }

    Reply slackAs(String userId, String channelId, String text) throws Exception {
        String body = form(Map.of("text", text, "user_id", userId, "user_name", "roadrunner",
                "channel_id", channelId, "channel_name", "deploys", "command", "/major-tom",
                "response_url", wiremock.baseUrl() + RESPONSE_PATH));
        String ts = Long.toString(NOW.getEpochSecond());
        return post(body, Map.of("X-Slack-Request-Timestamp", ts,
                "X-Slack-Signature", SlackSignatureVerifier.sign(SECRET.getBytes(StandardCharsets.UTF_8), ts,
                        body.getBytes(StandardCharsets.UTF_8))));
    }

    Reply ci(String text) throws Exception {
        return post(form(Map.of("text", text)), Map.of("Authorization", "Bearer " + CI_TOKEN));
    }

    Reply post(String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(b::header);
        return send(b.build());
    }

    Reply send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Reply(r.statusCode(), r.body());
    }

    URI uri() {
        return URI.create("http://localhost:" + port + "/");
    }

    /** The GitHub requests made, as "METHOD /path?query", in order. */
    List<String> githubRequests() {
        return wiremock.findAll(anyRequestedFor(anyUrl())).stream()
                .filter(r -> !r.getUrl().equals(RESPONSE_PATH))
                .map(FunctionHarness::describe).collect(Collectors.toList());
    }

    /** The GitHub request that reads a file. */
    static String contents(String path) {
        return "GET " + REPO + "/contents/" + path + "?ref=master";
    }

    /** The GitHub request that writes a file. */
    static String put(String path) {
        return "PUT " + REPO + "/contents/" + path;
    }

    /** The GitHub request that reads a file's history, first page only. */
    static String commits(String path) {
        return "GET " + REPO + "/commits?path=" + path.replace("/", "%2F") + "&sha=master&per_page=11";
    }

    void resetRequests() {
        wiremock.resetRequests();
    }

    private static String describe(LoggedRequest r) {
        return r.getMethod().getName() + " " + r.getUrl();
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws Exception {
        invoker.stopServer();
        wiremock.stop();
    }
}
