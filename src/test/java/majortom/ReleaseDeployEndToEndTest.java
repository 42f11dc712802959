package majortom;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.util.List;
import static majortom.FunctionHarness.REPO;
import static majortom.FunctionHarness.contents;
import static majortom.FunctionHarness.put;

import majortom.FunctionHarness.Reply;
import majortom.testing.FakeGitHub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReleaseDeployEndToEndTest {

    private static final String OW_PROD_TV = "openwarehouse/overlays/prod/overlays/tv/base/kustomization.yaml";
    private static final String OW_DEV = "openwarehouse/overlays/dev/base/kustomization.yaml";
    private static final String NUXT_PROD = "mirror-tv-nuxt/overlays/prod/kustomization.yaml";
    private static final String NUXT_STAGING = "mirror-tv-nuxt/overlays/staging/kustomization.yaml";
    private static final String RELAY_STAGING = "yt-relay/overlays/staging/base/kustomization.yaml";

    private FunctionHarness h;

    @BeforeEach
    void start() throws Exception {
        h = new FunctionHarness();
    }

    @AfterEach
    void stop() throws Exception {
        h.close();
    }

    @Test
    void release_multiProjectFromSlack_commitsTheProjectsImageFileAndRepliesInChannel() throws Exception {
        String before = h.github.content(OW_PROD_TV).orElseThrow();

        Reply reply = h.slack("release openwarehouse project=tv image-tag=prod_99aa001");

        assertEquals(200, reply.status());
        JsonObject json = reply.json();
        assertEquals("in_channel", json.get("response_type").getAsString());
        String blocks = json.get("blocks").toString();
        assertTrue(blocks.contains("<@U2CERLKJA> ran *release* on *openwarehouse/prod/tv*"), blocks);
        assertTrue(blocks.contains("`prod_81ab7ac` \u2192 `prod_99aa001`"), blocks);
        String sha = h.github.commits().get(0).sha();
        assertTrue(blocks.contains("<https://github.com/mirror-media/kubernetes-configs/commit/" + sha + "|"
                + sha.substring(0, 7) + ">"), blocks);

        assertEquals(before.replace("newTag: prod_81ab7ac", "newTag: prod_99aa001"),
                h.github.content(OW_PROD_TV).orElseThrow());
        assertEquals("release(openwarehouse/prod/tv): image-tag prod_81ab7ac -> prod_99aa001\n\n"
                + "Requested-by: roadrunner (U2CERLKJA) via Slack #deploys\n"
                + "Command: release openwarehouse project=tv image-tag=prod_99aa001\n",
                h.github.commits().get(0).message());
        assertEquals(List.of("GET " + REPO, contents(OW_PROD_TV), put(OW_PROD_TV)), h.githubRequests());
    }

    @Test
    void release_onAWarmInstance_costsExactlyTwoGitHubRequests() throws Exception {
        h.ci("release openwarehouse project=tv image-tag=prod_99aa001");
        h.resetRequests();

        Reply reply = h.ci("release openwarehouse project=readr image-tag=prod_99aa001");

        assertEquals(200, reply.status());
        String readr = "openwarehouse/overlays/prod/overlays/readr/base/kustomization.yaml";
        assertEquals(List.of(contents(readr), put(readr)), h.githubRequests());
    }

    @Test
    void release_singleLayoutFromCi_keepsQuotesAndAnswersJson() throws Exception {
        String before = h.github.content(NUXT_PROD).orElseThrow();

        Reply reply = h.ci("release mirror-tv-nuxt image-tag=prod_abc1234");

        assertEquals(200, reply.status());
        JsonObject json = reply.json();
        assertTrue(json.get("ok").getAsBoolean());
        assertEquals("release", json.get("command").getAsString());
        assertTrue(json.get("changed").getAsBoolean());
        String sha = h.github.commits().get(0).sha();
        assertEquals(sha, json.getAsJsonObject("commit").get("sha").getAsString());
        assertEquals("https://github.com/mirror-media/kubernetes-configs/commit/" + sha,
                json.getAsJsonObject("commit").get("url").getAsString());
        assertEquals("release mirror-tv-nuxt/prod: image-tag prod_399440e -> prod_abc1234 (commit "
                + sha.substring(0, 7) + ").", json.get("message").getAsString());
        assertEquals(before.replace("newTag: \"prod_399440e\"", "newTag: \"prod_abc1234\""),
                h.github.content(NUXT_PROD).orElseThrow());
        assertEquals("release(mirror-tv-nuxt/prod): image-tag prod_399440e -> prod_abc1234\n\n"
                + "Requested-by: ci:cloudbuild\n"
                + "Command: release mirror-tv-nuxt image-tag=prod_abc1234\n", h.github.commits().get(0).message());
    }

    @Test
    void release_singleLayoutWithItsProject_isAccepted() throws Exception {
        assertEquals(200, h.ci("release mirror-tv-nuxt project=tv image-tag=prod_abc1234").status());
    }

    @Test
    void deploy_multiProject_editsTheSharedBaseOfTheStage() throws Exception {
        String before = h.github.content(OW_DEV).orElseThrow();

        Reply reply = h.ci("deploy openwarehouse env=dev image-tag=dev_1bac23");

        assertEquals(200, reply.status(), reply.body());
        assertEquals(before.replace("newTag: dev_5c1e9a2 #", "newTag: dev_1bac23 #"),
                h.github.content(OW_DEV).orElseThrow());
        assertTrue(h.github.commits().get(0).message().startsWith(
                "deploy(openwarehouse/dev): image-tag dev_5c1e9a2 -> dev_1bac23\n"));
    }

    @Test
    void deploy_singleLayout_editsTheStageKustomization() throws Exception {
        String before = h.github.content(NUXT_STAGING).orElseThrow();

        Reply reply = h.slack("deploy mirror-tv-nuxt env=staging image-tag=1.10");

        assertEquals("in_channel", reply.json().get("response_type").getAsString());
        assertEquals(before.replace("\"staging_399440e\"", "\"1.10\""), h.github.content(NUXT_STAGING).orElseThrow());
    }

    @Test
    void deploy_overADigestPin_removesItAndSaysSo() throws Exception {
        Reply reply = h.ci("deploy yt-relay env=staging image-tag=staging_ffff000");

        assertEquals(200, reply.status());
        String after = h.github.content(RELAY_STAGING).orElseThrow();
        assertFalse(after.contains("digest"), after);
        assertTrue(after.contains("    newTag: staging_ffff000\n"), after);
        assertTrue(h.github.commits().get(0).message().contains("Removed digest sha256:3f1b"));

        Reply slack = h.slack("deploy yt-relay env=staging image-tag=staging_ffff001");
        assertFalse(slack.body().contains("digest"), "the pin is gone, so the second reply has no note");
    }

    @Test
    void release_toTheTagAlreadyThere_makesNoCommit() throws Exception {
        Reply reply = h.ci("release openwarehouse project=tv image-tag=prod_81ab7ac");

        assertEquals(200, reply.status());
        assertFalse(reply.json().get("changed").getAsBoolean());
        assertTrue(reply.json().get("commit").isJsonNull());
        assertEquals("openwarehouse/prod/tv is already at prod_81ab7ac; nothing to change.",
                reply.json().get("message").getAsString());
        assertTrue(h.github.commits().isEmpty());
        assertEquals(List.of("GET " + REPO, contents(OW_PROD_TV)), h.githubRequests());
    }

    @Test
    void release_whenTheFileChangesBetweenReadAndWrite_reappliesAndLands() throws Exception {
        String before = h.github.content(OW_PROD_TV).orElseThrow();
        String handEdited = before.replace("# prod image", "# PROD image");
        boolean[] raced = {false};
        h.github.beforePut(path -> {
            if (!raced[0]) {
                raced[0] = true;
                h.github.commitByHand(path, handEdited, "tidy comment", "someone");
            }
        });

        Reply reply = h.ci("release openwarehouse project=tv image-tag=prod_99aa001");

        assertEquals(200, reply.status(), reply.body());
        assertEquals(handEdited.replace("prod_81ab7ac", "prod_99aa001"), h.github.content(OW_PROD_TV).orElseThrow());
        assertEquals(List.of("GET " + REPO, contents(OW_PROD_TV), put(OW_PROD_TV), contents(OW_PROD_TV),
                put(OW_PROD_TV)), h.githubRequests());
        assertEquals(1, h.pauses.size());
    }

    @Test
    void release_whenTheConflictNeverClears_saysNothingChanged() throws Exception {
        int[] n = {0};
        h.github.beforePut(path -> h.github.commitByHand(path,
                h.github.content(path).orElseThrow() + "# edit " + (n[0]++) + "\n", "busy", "someone"));

        Reply reply = h.ci("release openwarehouse project=tv image-tag=prod_99aa001");

        assertEquals(409, reply.status());
        assertTrue(reply.json().get("message").getAsString().contains("nothing was changed"));
        assertFalse(h.github.content(OW_PROD_TV).orElseThrow().contains("prod_99aa001"));
        List<String> requests = h.githubRequests();
        assertEquals(1 + 4 * 2, requests.size(), requests.toString());
        assertEquals(3, h.pauses.size());

        Reply slack = h.slack("release openwarehouse project=tv image-tag=prod_99aa001");
        assertEquals(200, slack.status());
        assertEquals("ephemeral", slack.json().get("response_type").getAsString());
    }

    @Test
    void release_whenGitHubFails_answers502AndChangesNothing() throws Exception {
        h.wiremock.stubFor(get(urlPathMatching(".*/contents/.*")).atPriority(1)
                .willReturn(aResponse().withStatus(502).withBody("{\"message\":\"Server Error\"}")));

        Reply reply = h.ci("release openwarehouse project=tv image-tag=prod_99aa001");

        assertEquals(502, reply.status());
        String message = reply.json().get("message").getAsString();
        assertTrue(message.contains("GitHub failed") && message.contains("nothing was changed"), message);
        assertFalse(message.contains("Server Error"), "upstream text is not forwarded");
        assertTrue(h.github.commits().isEmpty());

        Reply slack = h.slack("release openwarehouse project=tv image-tag=prod_99aa001");
        assertEquals(200, slack.status());
        assertTrue(slack.text().contains("GitHub failed"), slack.body());
    }

    @Test
    void release_whenGitHubHangs_givesUpAtTheRequestTimeoutAndChangesNothing() throws Exception {
        // The harness bounds each GitHub request at 3 s; this read would take 10 s.
        h.wiremock.stubFor(get(urlPathMatching(".*/contents/.*")).atPriority(1)
                .willReturn(aResponse().withFixedDelay(10_000).withTransformers(FakeGitHub.NAME)));

        Reply reply = h.ci("release openwarehouse project=tv image-tag=prod_99aa001");

        assertEquals(502, reply.status());
        assertEquals("GitHub did not answer in time; nothing was changed. Try again in a minute.",
                reply.json().get("message").getAsString());
        assertTrue(h.github.commits().isEmpty());
    }

    @Test
    void release_whenRateLimited_failsFastAndSaysWhen() throws Exception {
        long reset = FunctionHarness.NOW.getEpochSecond() + 30 * 60;
        h.wiremock.stubFor(get(urlPathMatching(".*/contents/.*")).atPriority(1)
                .willReturn(aResponse().withStatus(403)
                        .withHeader("X-RateLimit-Remaining", "0")
                        .withHeader("X-RateLimit-Reset", Long.toString(reset))
                        .withBody("{\"message\":\"API rate limit exceeded\"}")));

        Reply reply = h.ci("release openwarehouse project=tv image-tag=prod_99aa001");

        assertEquals(502, reply.status());
        String message = reply.json().get("message").getAsString();
        assertEquals("GitHub is rate-limiting major-tom until 03:30 UTC; nothing was changed. Try again after that.",
                message);
        assertEquals(List.of("GET " + REPO, contents(OW_PROD_TV)), h.githubRequests());
    }
}
