package majortom.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import majortom.testing.FakeGitHub;

/**
 * A benchmark, not a test: starts the packaged function on the Functions Framework invoker, in its own
 * JVM and on a free port, against a local stateful GitHub stub, and prints a table of cold start,
 * warm latency, GitHub requests per command, peak RSS and artifact size. Only loopback is used, and
 * every loop is bounded. Run it with {@code scripts/bench}.
 */
public final class Bench {

    private static final String TOKEN = "bench-ci-token-0123456789";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of("target/deploy/major-tom.jar");
        String classpath = System.getProperty("java.class.path");
        FakeGitHub github = new FakeGitHub("mirror-media/kubernetes-configs", "master", Clock.systemUTC()).withSample();
        WireMockServer wiremock = new WireMockServer(wireMockConfig().dynamicPort().extensions(github));
        wiremock.start();
        wiremock.stubFor(any(urlPathMatching("/.*")).willReturn(aResponse().withTransformers(FakeGitHub.NAME)));
        github.baseUrl(wiremock.baseUrl());
        Map<String, String> env = Map.of("SLACK_SIGNING_SECRET", "bench-secret", "GITHUB_TOKEN", "bench",
                "GITHUB_API_URL", wiremock.baseUrl(), "MAJOR_TOM_CI_TOKENS", "bench=" + TOKEN);
        try {
            List<String> rows = new ArrayList<>();
            rows.add("| measure | value |");
            rows.add("| --- | --- |");

            List<Long> coldTom = new ArrayList<>();
            List<Long> coldHello = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                coldHello.add(coldStart(classpath, "target/test-classes", "majortom.bench.HelloFunction", env, null));
                coldTom.add(coldStart(classpath, jar.toString(), "majortom.MajorTomFunction", env, "help"));
            }
            long tom = median(coldTom);
            long hello = median(coldHello);
            rows.add(String.format(Locale.ROOT, "| cold start to first answer (median of 3), major-tom `help` | %d ms |", tom));
            rows.add(String.format(Locale.ROOT, "| cold start to first answer (median of 3), minimal HttpFunction | %d ms |", hello));
            rows.add(String.format(Locale.ROOT, "| ratio | %.2f |", (double) tom / hello));

            int port = freePort();
            Process function = start(classpath, jar.toString(), "majortom.MajorTomFunction", port, env);
            try {
                awaitAnswer(port, "help");
                for (int delay : new int[] {0, 100}) {
                    wiremock.setGlobalFixedDelay(delay);
                    int n = delay == 0 ? 60 : 20;
                    row(rows, "release", delay, time(port, n, i -> "release openwarehouse project=tv image-tag=prod_"
                            + String.format(Locale.ROOT, "%07x", i + delay * 1000)));
                    row(rows, "deploy", delay, time(port, n, i -> "deploy openwarehouse env=dev image-tag=dev_"
                            + String.format(Locale.ROOT, "%07x", i + delay * 1000)));
                    row(rows, "scale", delay, time(port, n, i -> "scale openwarehouse-tv-gql-external env=prod maxReplicas="
                            + (20 + i % 2)));
                    row(rows, "list (service history)", delay, time(port, n, i -> "list openwarehouse-tv-gql-external env=prod"));
                }
                // Slack's budget: GitHub slower than 2.5 s in all, so the early reply must come first.
                wiremock.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/slack/response")
                        .atPriority(1).willReturn(aResponse().withStatus(200)));
                wiremock.setGlobalFixedDelay(1500);
                List<Long> early = new ArrayList<>();
                int deferred = 0;
                for (int i = 0; i < 3; i++) {
                    long start = System.nanoTime();
                    String body = slack(port, "release openwarehouse project=tv image-tag=prod_" + (1000000 + i),
                            wiremock.baseUrl() + "/slack/response");
                    early.add(System.nanoTime() - start);
                    deferred += body.contains("Working on") ? 1 : 0;
                }
                Collections.sort(early);
                rows.add(String.format(Locale.ROOT, "| Slack release, GitHub +1500 ms per request: time to the reply"
                        + " (max of 3; %d of 3 were \"working on it\") | %.0f ms |", deferred, early.get(2) / 1e6));
                wiremock.setGlobalFixedDelay(0);
                for (String command : List.of("release openwarehouse project=tv image-tag=prod_fffffff",
                        "deploy openwarehouse env=dev image-tag=dev_fffffff",
                        "scale openwarehouse-tv-gql-external env=prod maxReplicas=30",
                        "list openwarehouse-tv-gql-external env=prod", "list project=tv env=prod")) {
                    wiremock.resetRequests();
                    send(port, command);
                    int requests = wiremock.findAll(anyRequestedFor(anyUrl())).size();
                    rows.add("| GitHub requests, warm: `" + command + "` | " + requests + " |");
                }
                rows.add("| peak RSS of the function's JVM (VmHWM) | " + peakRss(function.pid()) + " |");
            } finally {
                function.destroy();
                function.waitFor();
            }
            rows.add(String.format(Locale.ROOT, "| artifact `target/deploy/major-tom.jar` | %.1f MB |",
                    Files.size(jar) / 1_000_000.0));
            rows.forEach(Bench::out);
        } finally {
            wiremock.stop();
        }
    }

    private static void out(String line) {
        System.out.println(line);
    }

    private static void row(List<String> rows, String command, int delay, List<Long> nanos) {
        Collections.sort(nanos);
        double median = nanos.get(nanos.size() / 2) / 1e6;
        double p99 = nanos.get(Math.min(nanos.size() - 1, (int) Math.ceil(nanos.size() * 0.99) - 1)) / 1e6;
        rows.add(String.format(Locale.ROOT, "| warm %s, GitHub +%d ms per request (n=%d) | median %.1f ms, p99 %.1f ms |",
                command, delay, nanos.size(), median, p99));
    }

    private static List<Long> time(int port, int n, IntFunction<String> command) throws Exception {
        // Warm-up: the first write of an instance also fetches the repository handle, and the JIT is cold.
        for (int i = 0; i < 5; i++) {
            send(port, command.apply(n + i));
        }
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String text = command.apply(i);
            long start = System.nanoTime();
            send(port, text);
            nanos.add(System.nanoTime() - start);
        }
        return nanos;
    }

    private static void send(int port, String text) throws Exception {
        HttpResponse<String> r = HTTP.send(request(port, text), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(text + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    /** A slash command signed as Slack signs it; returns the reply body. */
    private static String slack(int port, String text, String responseUrl) throws Exception {
        String body = "user_id=U0BENCH&user_name=bench&channel_id=C0BENCH&channel_name=bench&text="
                + URLEncoder.encode(text, StandardCharsets.UTF_8) + "&response_url="
                + URLEncoder.encode(responseUrl, StandardCharsets.UTF_8);
        String ts = Long.toString(System.currentTimeMillis() / 1000);
        String signature = majortom.slack.SlackSignatureVerifier.sign("bench-secret".getBytes(StandardCharsets.UTF_8),
                ts, body.getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .header("X-Slack-Request-Timestamp", ts).header("X-Slack-Signature", signature)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("Slack request answered " + r.statusCode());
        }
        return r.body();
    }

    private static HttpRequest request(int port, String text) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("text=" + URLEncoder.encode(text, StandardCharsets.UTF_8)))
                .build();
    }

    private static long coldStart(String classpath, String functionPath, String target, Map<String, String> env,
            String text) throws Exception {
        int port = freePort();
        long start = System.nanoTime();
        Process p = start(classpath, functionPath, target, port, env);
        try {
            awaitAnswer(port, text);
            return (System.nanoTime() - start) / 1_000_000;
        } finally {
            p.destroy();
            p.waitFor();
        }
    }

    private static void awaitAnswer(int port, String text) throws Exception {
        for (int i = 0; i < 6000; i++) {
            try {
                HttpResponse<String> r = HTTP.send(request(port, text == null ? "" : text),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (ConnectException e) {
                // not listening yet
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException("the function did not answer within 30 s");
    }

    private static Process start(String classpath, String functionPath, String target, int port,
            Map<String, String> env) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath, "com.google.cloud.functions.invoker.runner.Invoker",
                "--classpath", functionPath, "--target", target, "--port", Integer.toString(port));
        pb.environment().putAll(env);
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        return pb.start();
    }

    private static String peakRss(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmHWM:")) {
                long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                return String.format(Locale.ROOT, "%.0f MB", kb / 1024.0);
            }
        }
        return "unknown (no /proc)";
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
