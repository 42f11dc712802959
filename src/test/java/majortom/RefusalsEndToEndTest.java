package majortom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import majortom.FunctionHarness.Reply;
import majortom.slack.SlackSignatureVerifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every refusal: the right status for CI, an ephemeral reply for Slack, and no GitHub request at all. */
class RefusalsEndToEndTest {

    private static FunctionHarness h;

    @BeforeAll
    static void start() throws Exception {
        h = new FunctionHarness();
    }

    @AfterAll
    static void stop() throws Exception {
        h.close();
    }

    @BeforeEach
    void clear() {
        h.resetRequests();
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("deploy openwarehouse env=prod image-tag=prod_1", 403,
                        "deploy does not change prod: prod gets a new tag through release, for example"
                                + " `release openwarehouse image-tag=prod_1` (add project= for a multi-project repo)."),
                Arguments.of("release openwarehouse image-tag=prod_1", 400,
                        "openwarehouse has a prod image per project, so release needs project= (tv or readr),"
                                + " for example `release openwarehouse project=tv image-tag=prod_1`."),
                Arguments.of("release warehouse project=tv image-tag=prod_1", 404,
                        "There is no repo 'warehouse' in major-tom's configuration. The repos are openwarehouse,"
                                + " yt-relay, mirror-tv-nuxt, readr-site."),
                Arguments.of("release openwarehouse project=weekly image-tag=prod_1", 404,
                        "openwarehouse has no project 'weekly'; its projects are tv and readr."),
                Arguments.of("release mirror-tv-nuxt project=readr image-tag=prod_1", 404,
                        "mirror-tv-nuxt has no project 'readr'; its project is tv."),
                Arguments.of("deploy readr-site env=staging image-tag=s_1", 404,
                        "readr-site has no staging stage here; use env=dev."),
                Arguments.of("deploy openwarehouse env=qa image-tag=s_1", 400,
                        "env=qa is not a stage that deploy takes; use env=dev or env=staging."),
                Arguments.of("release openwarehouse project=tv", 400,
                        "release needs image-tag= (the tag to release), for example"
                                + " `release openwarehouse project=tv image-tag=prod_81ab7ac`."),
                Arguments.of("release openwarehouse project=tv image-tag=a image-tag=b", 400,
                        "image-tag= is given twice; give it once."),
                Arguments.of("release openwarehouse project=tv imagetag=prod_1", 400,
                        "release does not take imagetag=. Did you mean image-tag=? release takes image-tag= and project=."),
                Arguments.of("release openwarehouse project=tv image-tag=-bad", 400,
                        "'-bad' is not a valid image tag: a tag is 1 to 128 letters, digits, '_', '.' and '-',"
                                + " and does not start with '.' or '-'. Use the tag your build pushed, for example prod_81ab7ac."),
                Arguments.of("release project=tv image-tag=prod_1", 400,
                        "release needs the repo to release, for example"
                                + " `release openwarehouse project=tv image-tag=prod_81ab7ac`."),
                Arguments.of("rollback openwarehouse", 400,
                        "I don't know the command 'rollback'. The commands are release, deploy, scale, list, info and help;"
                                + " type `help` to see each with an example."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void ci_refusal_hasItsStatusAndMessageAndTouchesNothing(String text, int status, String message) throws Exception {
        Reply reply = h.ci(text);

        assertEquals(status, reply.status(), reply.body());
        assertEquals(false, reply.json().get("ok").getAsBoolean());
        assertTrue(reply.json().get("message").getAsString().startsWith(message), reply.body());
        assertEquals(List.of(), h.githubRequests());
        assertTrue(h.github.commits().isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void slack_refusal_isEphemeralWithTheUsageLine(String text, int status, String message) throws Exception {
        Reply reply = h.slack(text);

        assertEquals(200, reply.status());
        assertEquals("ephemeral", reply.json().get("response_type").getAsString());
        String shown = reply.text();
        assertTrue(shown.startsWith(":warning: " + message.replace("<", "&lt;").replace(">", "&gt;")), shown);
        if (!text.startsWith("rollback")) {
            assertTrue(shown.contains("\nUsage: `" + text.split(" ")[0] + " {repo}"), shown);
        }
        assertEquals(List.of(), h.githubRequests());
    }

    @Test
    void help_forEmptyText_listsEveryCommandWithAnExample() throws Exception {
        Reply reply = h.slack("");

        assertEquals("ephemeral", reply.json().get("response_type").getAsString());
        for (String example : List.of("release openwarehouse project=tv image-tag=prod_81ab7ac",
                "deploy openwarehouse env=dev image-tag=dev_1bac23",
                "scale openwarehouse-tv-gql-external env=prod maxReplicas=12", "list project=tv env=staging",
                "help release")) {
            assertTrue(reply.text().contains("Example: `" + example + "`"), reply.text());
        }
        assertEquals(200, h.ci("help").status());
        assertEquals(List.of(), h.githubRequests());
    }

    @Test
    void slack_withBadSignature_is401WithNoDetail() throws Exception {
        String body = FunctionHarness.form(Map.of("text", "release openwarehouse project=tv image-tag=x_1"));
        String ts = Long.toString(FunctionHarness.NOW.getEpochSecond());
        Reply reply = h.post(body, Map.of("X-Slack-Request-Timestamp", ts,
                "X-Slack-Signature", SlackSignatureVerifier.sign("wrong".getBytes(StandardCharsets.UTF_8), ts,
                        body.getBytes(StandardCharsets.UTF_8))));

        assertEquals(401, reply.status());
        assertEquals("", reply.body());
        assertEquals(List.of(), h.githubRequests());
    }

    @Test
    void slack_withTimestampSixMinutesOld_is401() throws Exception {
        String body = FunctionHarness.form(Map.of("text", "help"));
        String ts = Long.toString(FunctionHarness.NOW.getEpochSecond() - 360);
        Reply reply = h.post(body, Map.of("X-Slack-Request-Timestamp", ts, "X-Slack-Signature",
                SlackSignatureVerifier.sign(FunctionHarness.SECRET.getBytes(StandardCharsets.UTF_8), ts,
                        body.getBytes(StandardCharsets.UTF_8))));

        assertEquals(401, reply.status());
    }

    @Test
    void slack_withoutSignatureHeaders_is401() throws Exception {
        assertEquals(401, h.post(FunctionHarness.form(Map.of("text", "help")), Map.of()).status());
    }

    @Test
    void slack_sslCheck_is200AndRunsNothing() throws Exception {
        Reply reply = h.post("ssl_check=1&token=abc", Map.of());

        assertEquals(200, reply.status());
        assertEquals(List.of(), h.githubRequests());
    }

    @Test
    void ci_withUnknownToken_is401() throws Exception {
        Reply reply = h.post(FunctionHarness.form(Map.of("text", "help")),
                Map.of("Authorization", "Bearer not-a-known-token-000000"));

        assertEquals(401, reply.status());
        assertEquals(false, reply.json().get("ok").getAsBoolean());
        assertTrue(!reply.body().contains("not-a-known-token"), "the token is not echoed");
    }

    @Test
    void get_is405() throws Exception {
        Reply reply = h.send(HttpRequest.newBuilder(h.uri()).GET().build());

        assertEquals(405, reply.status());
    }

    @Test
    void jsonBody_is415() throws Exception {
        Reply reply = h.send(HttpRequest.newBuilder(h.uri()).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + FunctionHarness.CI_TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"help\"}")).build());

        assertEquals(415, reply.status());
    }
}
