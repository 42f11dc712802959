package majortom;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import majortom.FunctionHarness.Reply;
import majortom.testing.FakeGitHub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * When GitHub is slower than Slack's budget, Slack gets "working on it" before the work is done, and
 * the result reaches the response_url; CI callers wait for the result.
 */
class SlackBudgetEndToEndTest {

    private static final String OW_PROD_TV = "openwarehouse/overlays/prod/overlays/tv/base/kustomization.yaml";

    private FunctionHarness h;

    @BeforeEach
    void start() throws Exception {
        h = new FunctionHarness();
        // Each read of a file takes longer than the whole budget.
        h.wiremock.stubFor(get(urlPathMatching(".*/contents/.*")).atPriority(1)
                .willReturn(aResponse().withFixedDelay((int) FunctionHarness.SLACK_BUDGET.toMillis() + 1000)
                        .withTransformers(FakeGitHub.NAME)));
    }

    @AfterEach
    void stop() throws Exception {
        h.close();
    }

    @Test
    void slowRelease_answersWorkingOnItFirst_thenPostsTheResultToTheResponseUrl() throws Exception {
        Reply early = h.slack("release openwarehouse project=tv image-tag=prod_99aa001");

        assertEquals(200, early.status());
        assertEquals("ephemeral", early.json().get("response_type").getAsString());
        assertEquals(":hourglass_flowing_sand: Working on `release openwarehouse project=tv image-tag=prod_99aa001`;"
                + " the result will be posted here in a moment.", early.text());
        assertTrue(h.github.commits().isEmpty(), "the early reply came before the commit");

        List<LoggedRequest> posted = awaitResponseUrlPosts(1);
        JsonObject late = JsonParser.parseString(posted.get(0).getBodyAsString()).getAsJsonObject();
        assertEquals("in_channel", late.get("response_type").getAsString());
        assertTrue(late.get("blocks").toString().contains("`prod_81ab7ac` \u2192 `prod_99aa001`"), late.toString());
        assertTrue(h.github.content(OW_PROD_TV).orElseThrow().contains("newTag: prod_99aa001"));
    }

    @Test
    void refusalNeedingNoGitHubRequest_isAnsweredAtOnceEvenWhenGitHubIsSlow() throws Exception {
        Reply early = h.slack("release openwarehouse project=weekly image-tag=prod_99aa001");

        // Name resolution needs no GitHub request, so this one is answered at once.
        assertEquals("ephemeral", early.json().get("response_type").getAsString());
        assertTrue(early.text().startsWith(":warning: openwarehouse has no project 'weekly'"), early.text());
        assertEquals(0, h.wiremock.findAll(postRequestedFor(urlEqualTo(FunctionHarness.RESPONSE_PATH))).size());
    }

    @Test
    void slowRelease_fromCi_waitsForTheResult() throws Exception {
        Reply reply = h.ci("release openwarehouse project=tv image-tag=prod_99aa001");

        assertEquals(200, reply.status());
        assertTrue(reply.json().get("changed").getAsBoolean());
        assertEquals(1, h.github.commits().size());
        assertEquals(0, h.wiremock.findAll(postRequestedFor(urlEqualTo(FunctionHarness.RESPONSE_PATH))).size());
    }

    private List<LoggedRequest> awaitResponseUrlPosts(int count) throws InterruptedException {
        // Bounded wait for the background work; no assertion on how long it took.
        for (int i = 0; i < 200; i++) {
            List<LoggedRequest> posts = h.wiremock.findAll(postRequestedFor(urlEqualTo(FunctionHarness.RESPONSE_PATH)));
            if (posts.size() >= count) {
                return posts;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("nothing was posted to the response_url");
    }
}
