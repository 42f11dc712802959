package majortom.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An {@code application/x-www-form-urlencoded} body, decoded as UTF-8.
 *
 * @see <a href="https://url.spec.whatwg.org/#application/x-www-form-urlencoded">URL standard: form encoding</a>
 */
public record Form(Map<String, String> fields) {

    public Form {
        fields = Map.copyOf(fields);
    }

    /**
     * Decodes a body; the first of repeated fields wins.
     *
     * @throws IllegalArgumentException on malformed percent-encoding
     */
    public static Form decode(byte[] body) {
        Map<String, String> fields = new LinkedHashMap<>();
        String text = new String(body, StandardCharsets.UTF_8);
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            fields.putIfAbsent(key, value);
        }
        return new Form(fields);
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    public String getOrEmpty(String name) {
        return fields.getOrDefault(name, "");
    }
}
