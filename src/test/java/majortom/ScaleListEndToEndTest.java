package majortom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import static majortom.FunctionHarness.REPO;
import static majortom.FunctionHarness.commits;
import static majortom.FunctionHarness.contents;
import static majortom.FunctionHarness.put;

import majortom.FunctionHarness.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ScaleListEndToEndTest {

    private static final String GQL_PROD_HPA = "openwarehouse/overlays/prod/overlays/tv/overlays/gql-external/hpa.yaml";
    private static final String OW_PROD_TV = "openwarehouse/overlays/prod/overlays/tv/base/kustomization.yaml";
    private static final String OW_PROD_READR = "openwarehouse/overlays/prod/overlays/readr/base/kustomization.yaml";
    private static final String NUXT_STAGING_HPA = "mirror-tv-nuxt/overlays/staging/hpa.yaml";

    private FunctionHarness h;

    @BeforeEach
    void start() throws Exception {
        h = new FunctionHarness();
    }

    @AfterEach
    void stop() throws Exception {
        h.close();
    }

    private static List<String> lines(Reply reply) {
        JsonArray lines = reply.json().getAsJsonArray("lines");
        List<String> out = new ArrayList<>();
        if (lines != null) {
            lines.forEach(l -> out.add(l.getAsString()));
        }
        return out;
    }

    @Test
    void scale_multiProjectService_editsItsHpaWithTheBoundsInCommandOrder() throws Exception {
        String before = h.github.content(GQL_PROD_HPA).orElseThrow();

        Reply reply = h.slack("scale openwarehouse-tv-gql-external env=prod maxReplicas=20 minReplicas=4");

        assertEquals("in_channel", reply.json().get("response_type").getAsString());
        String blocks = reply.json().get("blocks").toString();
        assertTrue(blocks.contains("*maxReplicas*\\n`12` \u2192 `20`") && blocks.contains("*minReplicas*\\n`3` \u2192 `4`"),
                blocks);
        assertEquals(before.replace("minReplicas: 3\n", "minReplicas: 4\n").replace("maxReplicas: 12 #", "maxReplicas: 20 #"),
                h.github.content(GQL_PROD_HPA).orElseThrow());
        assertEquals("scale(openwarehouse-tv-gql-external/prod): maxReplicas 12 -> 20, minReplicas 3 -> 4\n\n"
                + "Requested-by: roadrunner (U2CERLKJA) via Slack #deploys\n"
                + "Command: scale openwarehouse-tv-gql-external env=prod maxReplicas=20 minReplicas=4\n",
                h.github.commits().get(0).message());
        assertEquals(List.of("GET " + REPO, contents(GQL_PROD_HPA), put(GQL_PROD_HPA)),
                h.githubRequests());
    }

    @Test
    void scale_singleLayout_editsTheStageHpa() throws Exception {
        String before = h.github.content(NUXT_STAGING_HPA).orElseThrow();

        Reply reply = h.ci("scale mirror-tv-nuxt env=staging minReplicas=2");

        assertEquals(200, reply.status(), reply.body());
        assertEquals(before.replace("minReplicas: 1\n", "minReplicas: 2\n"), h.github.content(NUXT_STAGING_HPA).orElseThrow());
        assertEquals("scale mirror-tv-nuxt/staging: minReplicas 1 -> 2 (commit "
                + h.github.commits().get(0).sha().substring(0, 7) + ").", reply.json().get("message").getAsString());
    }

    @Test
    void scale_whereThereIsNoHpa_saysAutoscalingIsNotSupported() throws Exception {
        Reply reply = h.ci("scale openwarehouse-readr-gql-internal env=dev maxReplicas=3");

        assertEquals(403, reply.status());
        assertTrue(reply.json().get("message").getAsString().startsWith(
                "autoscaling is not supported for openwarehouse-readr-gql-internal in dev"), reply.body());
        assertTrue(h.github.commits().isEmpty());
    }

    @Test
    void scale_minAboveTheFilesMax_isRefusedAndWritesNothing() throws Exception {
        String before = h.github.content(GQL_PROD_HPA).orElseThrow();

        Reply reply = h.ci("scale openwarehouse-tv-gql-external env=prod minReplicas=13");

        assertEquals(400, reply.status());
        assertTrue(reply.json().get("message").getAsString().startsWith(
                "minReplicas 13 would exceed maxReplicas 12 (the file has maxReplicas 12), so nothing was changed."),
                reply.body());
        assertEquals(before, h.github.content(GQL_PROD_HPA).orElseThrow());
        assertEquals(List.of("GET " + REPO, contents(GQL_PROD_HPA)), h.githubRequests());
    }

    @Test
    void scale_toTheCurrentBounds_makesNoCommit() throws Exception {
        Reply reply = h.ci("scale openwarehouse-tv-gql-external env=prod minReplicas=3 maxReplicas=12");

        assertEquals(200, reply.status());
        assertFalse(reply.json().get("changed").getAsBoolean());
        assertTrue(h.github.commits().isEmpty());
    }

    @Test
    void scale_unknownService_listsTheServicesOfTheStage() throws Exception {
        Reply reply = h.ci("scale openwarehouse-tv-gql env=prod maxReplicas=3");

        assertEquals(404, reply.status());
        String message = reply.json().get("message").getAsString();
        assertTrue(message.startsWith("There is no service 'openwarehouse-tv-gql' in prod. The services of prod are"
                + " openwarehouse-tv-cms, openwarehouse-tv-gql-external,"), message);
        assertTrue(message.contains("readr-site."), message);
        assertEquals(List.of(), h.githubRequests());
    }

    @Test
    void scale_serviceWithoutThatStage_saysSo() throws Exception {
        Reply reply = h.ci("scale readr-site env=staging maxReplicas=3");

        assertEquals(404, reply.status());
        assertTrue(reply.json().get("message").getAsString().startsWith("readr-site has no staging stage."));
    }

    @Test
    void listProject_givesTheSortedNumberedServicesWithoutAnyGitHubRequest() throws Exception {
        Reply reply = h.ci("list project=tv env=staging");

        assertEquals(200, reply.status());
        assertEquals("Services and repos of tv in staging:", reply.json().get("message").getAsString());
        assertEquals(List.of("1. `mirror-tv-nuxt`", "2. `openwarehouse/openwarehouse-tv-cms`",
                "3. `openwarehouse/openwarehouse-tv-gql-external`", "4. `openwarehouse/openwarehouse-tv-gql-internal`",
                "5. `yt-relay/yt-relay-tv-yt-relay`"), lines(reply));
        assertEquals(List.of("1. `openwarehouse/openwarehouse-readr-cms`",
                "2. `openwarehouse/openwarehouse-readr-gql-external`", "3. `openwarehouse/openwarehouse-readr-gql-internal`",
                "4. `readr-site`"), lines(h.ci("list project=readr env=prod")));
        Reply slack = h.slack("list project=tv env=staging");
        assertEquals("ephemeral", slack.json().get("response_type").getAsString());
        assertTrue(slack.text().contains("\n1. `mirror-tv-nuxt`\n2. `openwarehouse/openwarehouse-tv-cms`"), slack.text());
        assertEquals(List.of(), h.githubRequests());
    }

    @Test
    void listProject_unknown_namesTheProjects() throws Exception {
        Reply reply = h.ci("list project=weekly env=prod");

        assertEquals(404, reply.status());
        assertTrue(reply.json().get("message").getAsString().startsWith(
                "There is no project 'weekly'. The projects are readr, tv."), reply.body());
    }

    @Test
    void listService_mergesItsImageAndHpaHistoriesNewestFirst() throws Exception {
        h.ci("release openwarehouse project=tv image-tag=prod_1111111");
        h.ci("release openwarehouse project=readr image-tag=prod_2222222");
        h.slack("scale openwarehouse-tv-gql-external env=prod maxReplicas=15");
        h.ci("deploy openwarehouse env=dev image-tag=dev_3333333");
        h.github.commitByHand(GQL_PROD_HPA, h.github.content(GQL_PROD_HPA).orElseThrow() + "# note\n",
                "Note the node pool", "Jane Hand");
        h.resetRequests();

        Reply reply = h.ci("list openwarehouse-tv-gql-external env=prod");

        assertEquals(200, reply.status(), reply.body());
        assertEquals("Latest changes to openwarehouse-tv-gql-external in prod, newest first:",
                reply.json().get("message").getAsString());
        List<String> shas = h.github.commits().stream().map(c -> c.sha().substring(0, 7)).collect(Collectors.toList());
        assertEquals(List.of(
                "2026-11-25 03:04 UTC  " + shas.get(4) + "  Note the node pool  (Jane Hand)",
                "2026-11-25 03:02 UTC  " + shas.get(2) + "  scale(openwarehouse-tv-gql-external/prod): maxReplicas 12 -> 15"
                        + "  (roadrunner (U2CERLKJA) via Slack #deploys)",
                "2026-11-25 03:00 UTC  " + shas.get(0) + "  release(openwarehouse/prod/tv): image-tag prod_81ab7ac -> prod_1111111"
                        + "  (ci:cloudbuild)"), lines(reply));
        assertEquals(List.of(commits(GQL_PROD_HPA), commits(OW_PROD_TV)).stream().sorted().collect(Collectors.toList()),
                h.githubRequests().stream().sorted().collect(Collectors.toList()));

        Reply slack = h.slack("list openwarehouse-tv-gql-external env=prod");
        assertTrue(slack.text().contains("<https://github.com/mirror-media/kubernetes-configs/commit/"
                + h.github.commits().get(4).sha() + "|" + shas.get(4) + ">  Note the node pool  _(Jane Hand)_"), slack.text());
    }

    @Test
    void listMultiProjectRepoInProd_readsEveryProjectsImageFileAndDropsDuplicates() throws Exception {
        h.github.commitByHand(List.of(OW_PROD_TV, OW_PROD_READR), "Bump both projects by hand", "Jane Hand");
        h.ci("release openwarehouse project=readr image-tag=prod_2222222");
        h.resetRequests();

        Reply reply = h.ci("list openwarehouse env=prod");

        List<String> lines = lines(reply);
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).contains("release(openwarehouse/prod/readr)"));
        assertTrue(lines.get(1).contains("Bump both projects by hand  (Jane Hand)"));
        assertEquals(List.of(commits(OW_PROD_READR), commits(OW_PROD_TV)),
                h.githubRequests().stream().sorted().collect(Collectors.toList()));
    }

    @Test
    void listHistory_keepsTheLatestEleven() throws Exception {
        for (int i = 0; i < 15; i++) {
            h.github.commitByHand(NUXT_STAGING_HPA, "# " + i + "\n", "Edit " + i, "Jane Hand");
        }

        List<String> lines = lines(h.ci("list mirror-tv-nuxt env=staging"));

        assertEquals(11, lines.size());
        assertTrue(lines.get(0).contains("Edit 14"));
        assertTrue(lines.get(10).contains("Edit 4"));
    }

    @Test
    void listHistory_withNoCommits_saysSo() throws Exception {
        Reply reply = h.ci("list yt-relay-tv-yt-relay env=dev");

        assertEquals(200, reply.status());
        assertEquals("No commits have changed yt-relay-tv-yt-relay in dev yet.", reply.json().get("message").getAsString());
        assertTrue(lines(reply).isEmpty());
    }

    @Test
    void listHistory_ofAnUnknownName_listsServicesAndRepos() throws Exception {
        Reply reply = h.ci("list nothing-here env=dev");

        assertEquals(404, reply.status());
        String message = reply.json().get("message").getAsString();
        assertTrue(message.startsWith("There is no service or repo 'nothing-here' in dev.")
                && message.contains("The repos are openwarehouse, yt-relay, mirror-tv-nuxt, readr-site."), message);
    }
}
