package majortom;

import com.google.cloud.functions.invoker.runner.Invoker;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

/**
 * Run by {@link LazyLoadingTest} in its own JVM with {@code -verbose:class}: wires the function from an
 * environment as production does (local repository, a cluster configured), sends the commands given
 * as arguments from CI, and exits.
 */
public final class LazyLoadingProbe {

    private LazyLoadingProbe() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> env = Map.of("SLACK_SIGNING_SECRET", "probe", "MAJOR_TOM_CI_TOKENS", "probe=probe-token-0123456789",
                "MAJOR_TOM_LOCAL_REPO", System.getenv("PROBE_REPO"), "MAJOR_TOM_CONFIG", System.getenv("PROBE_CONFIG"));
        Wiring wiring = Wiring.fromEnvironment(env);
        DelegatingFunction.delegate = new MajorTomFunction(wiring.configuration(), wiring.repository(),
                wiring.slackSecret(), wiring.ciTokens(), Clock.systemUTC(), d -> { }, wiring.slackBudget(),
                wiring.clusters());
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Invoker invoker = new Invoker(port, DelegatingFunction.class.getName(), "http",
                LazyLoadingProbe.class.getClassLoader());
        invoker.startTestServer();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (String text : args) {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                    .header("Authorization", "Bearer probe-token-0123456789")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("text=" + URLEncoder.encode(text, StandardCharsets.UTF_8)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            System.out.println("PROBE " + r.statusCode() + " " + r.body());
        }
        invoker.stopServer();
        System.exit(0);
    }
}
