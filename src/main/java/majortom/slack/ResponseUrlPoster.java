package majortom.slack;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Posts a delayed reply to a slash command's {@code response_url}, for work that outlasts Slack's
 * three seconds.
 *
 * @see <a href="https://api.slack.com/interactivity/handling#message_responses">Responding with response_url</a>
 */
public final class ResponseUrlPoster {

    private static final Logger LOG = Logger.getLogger(ResponseUrlPoster.class.getName());

    private final HttpClient client;
    private final Duration timeout;

    public ResponseUrlPoster(Duration timeout) {
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
        this.timeout = timeout;
    }

    /** Whether a response_url is one this poster will use: an absolute http(s) URL. */
    public static boolean usable(String url) {
        try {
            URI uri = URI.create(url);
            return uri.getHost() != null && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Posts the message; failures are logged (without the URL, which acts as a credential), never thrown. */
    public void post(String responseUrl, JsonObject message, String reference) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(responseUrl))
                .timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(message.toString(), StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 200) {
                LOG.warning(() -> "Slack refused the delayed reply " + reference + " with HTTP " + response.statusCode());
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "could not post the delayed reply " + reference + " to Slack", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
