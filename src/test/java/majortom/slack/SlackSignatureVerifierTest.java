package majortom.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SlackSignatureVerifierTest {

    /** Slack's published example, from "Verifying requests from Slack". */
    private static final byte[] SECRET = "8f742231b10e8888abcd99yyyzzz85a5".getBytes(StandardCharsets.UTF_8);
    private static final String TIMESTAMP = "1531420618";
    private static final byte[] BODY = ("token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow"
            + "&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect"
            + "&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
            + "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c").getBytes(StandardCharsets.UTF_8);
    private static final String SIGNATURE = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    private static SlackSignatureVerifier at(long epochSecond) {
        return new SlackSignatureVerifier(SECRET, Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC));
    }

    @Test
    void sign_slacksPublishedExample_givesTheDocumentedSignature() {
        assertEquals(SIGNATURE, SlackSignatureVerifier.sign(SECRET, TIMESTAMP, BODY));
    }

    @Test
    void verify_slacksExampleWithinFiveMinutes_isTrue() {
        assertTrue(at(1531420618L + 299).verify(Optional.of(TIMESTAMP), Optional.of(SIGNATURE), BODY));
        assertTrue(at(1531420618L - 300).verify(Optional.of(TIMESTAMP), Optional.of(SIGNATURE), BODY));
    }

    @Test
    void verify_moreThanFiveMinutesOffEitherWay_isFalse() {
        assertFalse(at(1531420618L + 301).verify(Optional.of(TIMESTAMP), Optional.of(SIGNATURE), BODY));
        assertFalse(at(1531420618L - 301).verify(Optional.of(TIMESTAMP), Optional.of(SIGNATURE), BODY));
    }

    @Test
    void verify_tamperedBodyOrMissingHeader_isFalse() {
        SlackSignatureVerifier v = at(1531420618L);
        byte[] tampered = BODY.clone();
        tampered[tampered.length - 1] ^= 1;
        assertFalse(v.verify(Optional.of(TIMESTAMP), Optional.of(SIGNATURE), tampered));
        assertFalse(v.verify(Optional.empty(), Optional.of(SIGNATURE), BODY));
        assertFalse(v.verify(Optional.of(TIMESTAMP), Optional.empty(), BODY));
        assertFalse(v.verify(Optional.of("soon"), Optional.of(SIGNATURE), BODY));
    }
}
