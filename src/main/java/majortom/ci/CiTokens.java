package majortom.ci;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The bearer tokens of CI callers, each with the name that commits record as {@code ci:<name>}.
 */
public final class CiTokens {

    private record Entry(String name, byte[] token) {
    }

    private final List<Entry> entries;

    private CiTokens(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static CiTokens none() {
        return new CiTokens(List.of());
    }

    /**
     * Parses {@code name=token,name2=token2}.
     *
     * @throws IllegalArgumentException naming the bad entry by position, never echoing a token
     */
    public static CiTokens parse(String spec) {
        List<Entry> entries = new ArrayList<>();
        String[] items = spec.split(",");
        for (int i = 0; i < items.length; i++) {
            String item = items[i].strip();
            if (item.isEmpty()) {
                continue;
            }
            int eq = item.indexOf('=');
            String name = eq < 0 ? "" : item.substring(0, eq).strip();
            String token = eq < 0 ? "" : item.substring(eq + 1).strip();
            if (!name.matches("[A-Za-z0-9_.-]+") || token.length() < 16) {
                throw new IllegalArgumentException("entry " + (i + 1) + " must be name=token, with a name of letters,"
                        + " digits, '_', '.' or '-' and a token of at least 16 characters");
            }
            for (Entry e : entries) {
                if (e.name().equals(name)) {
                    throw new IllegalArgumentException("the name " + name + " is given twice");
                }
            }
            entries.add(new Entry(name, token.getBytes(StandardCharsets.UTF_8)));
        }
        return new CiTokens(entries);
    }

    /** The caller's name for a token; every entry is compared in constant time. */
    public Optional<String> nameFor(String token) {
        byte[] given = token.getBytes(StandardCharsets.UTF_8);
        String found = null;
        for (Entry e : entries) {
            if (MessageDigest.isEqual(e.token(), given) && found == null) {
                found = e.name();
            }
        }
        return Optional.ofNullable(found);
    }

    public int size() {
        return entries.size();
    }
}
