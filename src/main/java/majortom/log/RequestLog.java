package majortom.log;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;

/**
 * One structured JSON line per request, in the shape Cloud Logging reads from standard output.
 *
 * <p>It carries what was asked and how it ended, never a token, secret, signature or response_url.
 *
 * @see <a href="https://cloud.google.com/logging/docs/structured-logging">Structured logging</a>
 */
public final class RequestLog {

    /** The logger tests listen to; its only handler writes one JSON object per line to stdout. */
    public static final String LOGGER = "majortom.request";
    private static final Logger LOG = Logger.getLogger(LOGGER);
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    static {
        LOG.setUseParentHandlers(false);
        LOG.setLevel(Level.INFO);
        StreamHandler stdout = new StreamHandler(new PrintStream(System.out, true, StandardCharsets.UTF_8), new Formatter() {
                    @Override
                    public String format(LogRecord record) {
                        return record.getMessage() + System.lineSeparator();
                    }
                }) {
            @Override
            public synchronized void publish(LogRecord record) {
                super.publish(record);
                flush();
            }
        };
        LOG.addHandler(stdout);
    }

    private RequestLog() {
    }

    /**
     * One request's line.
     *
     * @param via {@code slack}, {@code ci} or {@code http} (refused before a caller was known)
     * @param outcome {@code changed}, {@code unchanged}, {@code answered}, {@code deferred}, a fault name in
     *     lower case, {@code unauthorized}, {@code bad_request} or {@code error}
     */
    public record Entry(String severity, String message, String via, String command, String caller, String target,
            String outcome, long latencyMs, int githubRequests, String reference) {

        public Entry {
            Objects.requireNonNull(severity, "severity");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    public static void write(Entry entry) {
        Level level = switch (entry.severity()) {
            case "ERROR" -> Level.SEVERE;
            case "WARNING" -> Level.WARNING;
            default -> Level.INFO;
        };
        LOG.log(level, GSON.toJson(entry));
    }
}
