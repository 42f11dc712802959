package majortom.ops;

import java.util.Objects;
import java.util.Optional;

/**
 * One commit as {@code list} shows it: date (UTC), short sha with its link, title, and who asked.
 */
public record HistoryLine(String date, String shortSha, Optional<String> url, String title, String requestedBy) {

    public HistoryLine {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(shortSha, "shortSha");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(requestedBy, "requestedBy");
    }

    /** The line as plain text, for CI and for Slack's fallback text. */
    public String plain() {
        return date + "  " + shortSha + "  " + title + "  (" + requestedBy + ")";
    }
}
