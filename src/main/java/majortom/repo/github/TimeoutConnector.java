package majortom.repo.github;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.kohsuke.github.connector.GitHubConnector;
import org.kohsuke.github.connector.GitHubConnectorRequest;
import org.kohsuke.github.connector.GitHubConnectorResponse;

/**
 * Sends hub4j's requests over {@code java.net.http} with HTTP/1.1 and a bound on every request.
 *
 * <p>hub4j's own {@code HttpClientGitHubConnector} sets no request timeout, so a hung GitHub would
 * hold a Slack command past its deadline; and on {@code http://} it offers an h2c upgrade that test
 * servers mishandle.
 */
final class TimeoutConnector implements GitHubConnector {

    private final HttpClient client;
    private final Duration requestTimeout;

    TimeoutConnector(Duration connectTimeout, Duration requestTimeout) {
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.requestTimeout = requestTimeout;
    }

    @Override
    public GitHubConnectorResponse send(GitHubConnectorRequest request) throws IOException {
        HttpRequest.Builder builder;
        try {
            builder = HttpRequest.newBuilder(request.url().toURI()).timeout(requestTimeout);
        } catch (URISyntaxException e) {
            throw new IOException("Invalid URL", e);
        }
        for (Map.Entry<String, List<String>> header : request.allHeaders().entrySet()) {
            if (header.getValue() != null) {
                builder.header(header.getKey(), String.join(",", header.getValue()));
            }
        }
        HttpRequest.BodyPublisher body = request.hasBody()
                ? HttpRequest.BodyPublishers.ofByteArray(request.body().readAllBytes())
                : HttpRequest.BodyPublishers.noBody();
        builder.method(request.method(), body);
        try {
            HttpResponse<InputStream> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
            return new Response(request, response);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for GitHub");
        }
    }

    private static final class Response extends GitHubConnectorResponse.ByteArrayResponse {
        private final HttpResponse<InputStream> response;

        Response(GitHubConnectorRequest request, HttpResponse<InputStream> response) {
            super(request, response.statusCode(), response.headers().map());
            this.response = response;
        }

        @Override
        protected InputStream rawBodyStream() {
            return response.body();
        }

        @Override
        public void close() throws IOException {
            super.close();
            response.body().close();
        }
    }
}
