package majortom.slack;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks that a request came from Slack: an HMAC-SHA256 of {@code v0:timestamp:body} with the
 * signing secret, sent within five minutes of now.
 *
 * @see <a href="https://api.slack.com/authentication/verifying-requests-from-slack">Verifying requests from Slack</a>
 */
public final class SlackSignatureVerifier {

    /** Slack's advice: refuse requests whose timestamp is more than five minutes off, against replays. */
    static final Duration TOLERANCE = Duration.ofMinutes(5);

    private final byte[] secret;
    private final Clock clock;

    public SlackSignatureVerifier(byte[] secret, Clock clock) {
        if (secret.length == 0) {
            throw new IllegalArgumentException("the Slack signing secret is empty");
        }
        this.secret = secret.clone();
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Whether the headers sign this exact body and the timestamp is fresh; a missing header is a no. */
    public boolean verify(Optional<String> timestamp, Optional<String> signature, byte[] body) {
        if (timestamp.isEmpty() || signature.isEmpty()) {
            return false;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.get().strip());
        } catch (NumberFormatException e) {
            return false;
        }
        long now = clock.instant().getEpochSecond();
        if (Math.abs(now - seconds) > TOLERANCE.getSeconds()) {
            return false;
        }
        byte[] expected = sign(secret, timestamp.get().strip(), body).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, signature.get().strip().getBytes(StandardCharsets.UTF_8));
    }

    /** The {@code X-Slack-Signature} value for a body: {@code v0=} and the lowercase hex HMAC. */
    public static String sign(byte[] secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
            return "v0=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
