package majortom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import majortom.log.RequestLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One JSON line per request with command, caller, target, outcome, latency and GitHub requests; no secrets. */
class RequestLogTest {

    private FunctionHarness h;
    /** Held here: java.util.logging keeps loggers only weakly, and a collected one loses its handlers. */
    private final Logger requestLogger = Logger.getLogger(RequestLog.LOGGER);
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            lines.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void start() throws Exception {
        h = new FunctionHarness();
        requestLogger.addHandler(capture);
    }

    @AfterEach
    void stop() throws Exception {
        requestLogger.removeHandler(capture);
        h.close();
    }

    private JsonObject only() {
        assertEquals(1, lines.size(), lines.toString());
        return JsonParser.parseString(lines.get(0)).getAsJsonObject();
    }

    @Test
    void aRelease_logsOneStructuredLine() throws Exception {
        h.ci("release openwarehouse project=tv image-tag=prod_99aa001");

        JsonObject line = only();
        assertEquals("INFO", line.get("severity").getAsString());
        assertEquals("ci", line.get("via").getAsString());
        assertEquals("release", line.get("command").getAsString());
        assertEquals("ci:cloudbuild", line.get("caller").getAsString());
        assertEquals("openwarehouse/prod/tv", line.get("target").getAsString());
        assertEquals("changed", line.get("outcome").getAsString());
        assertEquals(2, line.get("githubRequests").getAsInt());
        assertTrue(line.get("latencyMs").getAsLong() >= 0);
        assertTrue(line.get("reference").getAsString().matches("[0-9a-f]{8}"));
        assertTrue(line.get("message").getAsString().startsWith("release openwarehouse/prod/tv: image-tag"));
    }

    @Test
    void aRefusal_logsItsFault_andAListItsRequests() throws Exception {
        h.slack("deploy openwarehouse env=prod image-tag=x");
        assertEquals("refused", only().get("outcome").getAsString());

        lines.clear();
        h.slack("list openwarehouse-tv-cms env=prod");
        JsonObject list = only();
        assertEquals("answered", list.get("outcome").getAsString());
        assertEquals(2, list.get("githubRequests").getAsInt());
        assertEquals("roadrunner (U2CERLKJA) via Slack #deploys", list.get("caller").getAsString());
    }

    @Test
    void secretsTokensSignaturesAndResponseUrls_areNeverLogged() throws Exception {
        h.ci("release openwarehouse project=tv image-tag=prod_99aa001");
        h.slack("release openwarehouse project=tv image-tag=prod_99aa002");
        h.post(FunctionHarness.form(Map.of("text", "help")), Map.of("Authorization", "Bearer wrong-token-0123456789"));
        h.post(FunctionHarness.form(Map.of("text", "help")), Map.of("X-Slack-Request-Timestamp", "1",
                "X-Slack-Signature", "v0=deadbeef"));

        assertEquals(4, lines.size(), lines.toString());
        for (String line : lines) {
            for (String secret : List.of(FunctionHarness.CI_TOKEN, FunctionHarness.SECRET, "wrong-token", "v0=",
                    FunctionHarness.RESPONSE_PATH, "gh-test-token")) {
                assertFalse(line.contains(secret), line);
            }
        }
        assertEquals("unauthorized", JsonParser.parseString(lines.get(3)).getAsJsonObject().get("outcome").getAsString());
    }
}
