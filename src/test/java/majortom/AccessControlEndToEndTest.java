package majortom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import majortom.FunctionHarness.Reply;
import majortom.config.ConfigurationLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rules of the example: three people may release and scale prod; CI may deploy but never
 * release; the deploy channel may scale staging; everyone may list and help; prod tags look like prod_abc1234.
 */
class AccessControlEndToEndTest {

    static final String ACCESS = "access:\n"
            + "  rules:\n"
            + "    - commands: [release]\n"
            + "      users: [U0ALICE, U0BOB, U0CAROL]\n"
            + "    - commands: [scale]\n"
            + "      stages: [prod]\n"
            + "      users: [U0ALICE, U0BOB, U0CAROL]\n"
            + "    - commands: [scale]\n"
            + "      stages: [staging]\n"
            + "      channels: [C0DEPLOYS]\n"
            + "    - commands: [deploy]\n"
            + "      users: ['*']\n"
            + "      ci: [cloudbuild]\n"
            + "  tag-patterns:\n"
            + "    prod: '^prod_[0-9a-f]{7,}$'\n";

    private static FunctionHarness h;

    @BeforeAll
    static void start() throws Exception {
        String yaml = Files.readString(Path.of("function.yaml"), StandardCharsets.UTF_8) + ACCESS;
        h = new FunctionHarness(ConfigurationLoader.parse(yaml, "function.yaml + access"));
    }

    @AfterAll
    static void stop() throws Exception {
        h.close();
    }

    @BeforeEach
    void clear() {
        h.resetRequests();
    }

    @Test
    void release_bySomeoneNotListed_isRefusedSayingWhoMay() throws Exception {
        Reply reply = h.slackAs("U0MALLORY", "C0DEPLOYS", "release openwarehouse project=tv image-tag=prod_1234567");

        assertEquals("ephemeral", reply.json().get("response_type").getAsString());
        assertTrue(reply.text().startsWith(":warning: You may not release in prod. Only <@U0ALICE>, <@U0BOB> or"
                + " <@U0CAROL> may; ask one of them."), reply.text());
        assertEquals(List.of(), h.githubRequests());
    }

    @Test
    void release_byAListedPerson_lands() throws Exception {
        Reply reply = h.slackAs("U0ALICE", "C0ANY", "release openwarehouse project=tv image-tag=prod_1234567");

        assertEquals("in_channel", reply.json().get("response_type").getAsString(), reply.body());
    }

    @Test
    void release_ofATagOutsideTheProdPattern_isRefused() throws Exception {
        Reply reply = h.slackAs("U0ALICE", "C0ANY", "release openwarehouse project=tv image-tag=dev_1234567");

        assertTrue(reply.text().startsWith(":warning: dev_1234567 is not a prod tag: prod tags must match"
                + " ^prod_[0-9a-f]{7,}$."), reply.text());
        assertEquals(List.of(), h.githubRequests());
    }

    @Test
    void release_byCi_isRefusedWith403() throws Exception {
        Reply reply = h.ci("release openwarehouse project=tv image-tag=prod_1234567");

        assertEquals(403, reply.status());
        assertTrue(reply.json().get("message").getAsString().startsWith("The CI token cloudbuild may not release in prod."));
    }

    @Test
    void deploy_byCiAndByAnyone_isAllowed() throws Exception {
        assertEquals(200, h.ci("deploy openwarehouse env=dev image-tag=dev_7777777").status());
        Reply slack = h.slackAs("U0MALLORY", "C0ANY", "deploy openwarehouse env=staging image-tag=staging_7");
        assertEquals("in_channel", slack.json().get("response_type").getAsString(), slack.body());
    }

    @Test
    void scale_prodByOthers_isRefused_butDevIsOpen() throws Exception {
        Reply prod = h.ci("scale mirror-tv-nuxt env=prod maxReplicas=11");
        assertEquals(403, prod.status());
        assertTrue(prod.json().get("message").getAsString().contains("Only <@U0ALICE>, <@U0BOB> or <@U0CAROL> may"));

        assertEquals(200, h.ci("scale mirror-tv-nuxt env=dev maxReplicas=5").status());
    }

    @Test
    void scale_staging_followsTheChannelRule() throws Exception {
        Reply inChannel = h.slackAs("U0MALLORY", "C0DEPLOYS", "scale mirror-tv-nuxt env=staging maxReplicas=5");
        assertEquals("in_channel", inChannel.json().get("response_type").getAsString(), inChannel.body());

        Reply elsewhere = h.slackAs("U0MALLORY", "C0RANDOM", "scale mirror-tv-nuxt env=staging maxReplicas=6");
        assertTrue(elsewhere.text().startsWith(":warning: You may not scale in staging. Only anyone in <#C0DEPLOYS>"
                + " may; ask one of them."), elsewhere.text());
    }

    @Test
    void listAndHelp_areOpenToEveryone() throws Exception {
        assertEquals(200, h.ci("list project=tv env=prod").status());
        assertEquals(200, h.ci("list mirror-tv-nuxt env=prod").status());
        assertEquals(200, h.ci("help").status());
        assertEquals("ephemeral", h.slackAs("U0MALLORY", "C0ANY", "list project=tv env=prod").json()
                .get("response_type").getAsString());
    }
}
