package majortom;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.gson.JsonArray;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import majortom.FunctionHarness.Reply;
import majortom.cluster.gke.GkeClusterReader;
import majortom.config.ConfigurationLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * info through the function, with WireMock standing in for the GKE API and the Kubernetes API over TLS
 * (a test CA), and for the service account's token_uri.
 */
class InfoEndToEndTest {

    static final String CLUSTER = "projects/mirror-tv-275709/locations/asia-east1-c/clusters/tv-prod";
    static final String CLUSTERS = "clusters:\n  tv:\n    prod: {gke: " + CLUSTER + ", namespace: default}\n";
    static final String DEPLOYMENTS = "/apis/apps/v1/namespaces/default/deployments/";
    static final String HPAS = "/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers/";

    private WireMockServer k8s;
    private FunctionHarness h;

    @BeforeEach
    void start() throws Exception {
        k8s = new WireMockServer(wireMockConfig().dynamicPort().dynamicHttpsPort()
                .keystorePath(Path.of("src/test/resources/tls/server.p12").toString())
                .keystorePassword("changeit").keyManagerPassword("changeit").keystoreType("PKCS12"));
        k8s.start();
        k8s.stubFor(post("/token").willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\":\"ya29.test-token\",\"expires_in\":3600,\"token_type\":\"Bearer\"}")));
        String ca = Files.readString(Path.of("src/test/resources/tls/ca.pem"), StandardCharsets.UTF_8);
        k8s.stubFor(get(urlPathEqualTo("/v1/" + CLUSTER)).willReturn(json("{\"name\":\"tv-prod\",\"endpoint\":\"localhost:"
                + k8s.httpsPort() + "\",\"masterAuth\":{\"clusterCaCertificate\":\""
                + Base64.getEncoder().encodeToString(ca.getBytes(StandardCharsets.US_ASCII)) + "\"},"
                + "\"status\":\"RUNNING\",\"currentMasterVersion\":\"1.33.5-gke.1\","
                + "\"someFieldFromTheFuture\":{\"nested\":[1,2,3]}}")));
        deployment("openwarehouse-tv-gql-external", "prod_81ab7ac", 3, 3);
        hpa("openwarehouse-tv-gql-external", 3, 12);
        deployment("openwarehouse-tv-cms", "prod_81ab7ac", 2, 2);
        hpa("openwarehouse-tv-cms", 2, 8);
        deployment("openwarehouse-tv-gql-internal", "prod_81ab7ac", 2, 1);
        // gql-internal has no HPA in the cluster: WireMock answers 404.

        String yaml = Files.readString(Path.of("function.yaml"), StandardCharsets.UTF_8) + CLUSTERS;
        GoogleCredentials credentials = GoogleCredentials.fromStream(serviceAccountKey(k8s.port()));
        NetHttpTransport trusting = new NetHttpTransport.Builder().trustCertificates(trustStore(ca)).build();
        h = new FunctionHarness(ConfigurationLoader.parse(yaml, "function.yaml + clusters"),
                () -> new GkeClusterReader(credentials, Optional.of("localhost:" + k8s.httpsPort()), trusting,
                        Clock.systemUTC(), Duration.ofSeconds(20), Duration.ofSeconds(1)));
    }

    @AfterEach
    void stop() throws Exception {
        h.close();
        k8s.stop();
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withHeader("Content-Type", "application/json").withBody(body);
    }

    /** A Deployment as today's API servers send it, with fields older clients do not know. */
    private void deployment(String name, String tag, int replicas, int ready) {
        k8s.stubFor(get(DEPLOYMENTS + name).willReturn(json("{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\","
                + "\"metadata\":{\"name\":\"" + name + "\",\"namespace\":\"default\",\"generation\":7,"
                + "\"managedFields\":[{\"manager\":\"kubectl\",\"operation\":\"Apply\",\"fieldsV1\":{\"f:spec\":{}}}]},"
                + "\"spec\":{\"replicas\":" + replicas + ",\"selector\":{\"matchLabels\":{\"app\":\"openwarehouse\"}},"
                + "\"template\":{\"spec\":{\"hostUsers\":false,\"containers\":[{\"name\":\"openwarehouse\","
                + "\"image\":\"gcr.io/mirrormedia-1470651750304/openwarehouse:" + tag + "\","
                + "\"resizePolicy\":[{\"resourceName\":\"cpu\",\"restartPolicy\":\"NotRequired\"}]},"
                + "{\"name\":\"cloud-sql-proxy\",\"image\":\"gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.14.1\"}]}}},"
                + "\"status\":{\"observedGeneration\":7,\"replicas\":" + replicas + ",\"updatedReplicas\":" + replicas
                + ",\"readyReplicas\":" + ready + ",\"availableReplicas\":" + ready + ",\"terminatingReplicas\":0,"
                + "\"conditions\":[{\"type\":\"Available\",\"status\":\"True\"}]}}")));
    }

    private void hpa(String name, int min, int max) {
        k8s.stubFor(get(HPAS + name).willReturn(json("{\"apiVersion\":\"autoscaling/v2\",\"kind\":\"HorizontalPodAutoscaler\","
                + "\"metadata\":{\"name\":\"" + name + "\"},\"spec\":{\"minReplicas\":" + min + ",\"maxReplicas\":" + max
                + ",\"behavior\":{\"scaleDown\":{\"stabilizationWindowSeconds\":300,\"tolerance\":\"0.05\"}}},"
                + "\"status\":{\"currentReplicas\":" + min + ",\"desiredReplicas\":" + min + ",\"currentMetrics\":[]}}")));
    }

    private static InputStream serviceAccountKey(int httpPort) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String pem = "-----BEGIN PRIVATE KEY-----\\n" + Base64.getEncoder().encodeToString(
                generator.generateKeyPair().getPrivate().getEncoded()) + "\\n-----END PRIVATE KEY-----\\n";
        String json = "{\"type\":\"service_account\",\"project_id\":\"mirror-tv-275709\",\"private_key_id\":\"k1\","
                + "\"private_key\":\"" + pem + "\",\"client_email\":\"major-tom@mirror-tv-275709.iam.gserviceaccount.com\","
                + "\"client_id\":\"1\",\"token_uri\":\"http://localhost:" + httpPort + "/token\"}";
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }

    private static KeyStore trustStore(String caPem) throws Exception {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        store.setCertificateEntry("test-ca", CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(caPem.getBytes(StandardCharsets.US_ASCII))));
        return store;
    }

    private static List<String> lines(Reply reply) {
        JsonArray lines = reply.json().getAsJsonArray("lines");
        List<String> out = new ArrayList<>();
        lines.forEach(l -> out.add(l.getAsString()));
        return out;
    }

    @Test
    void info_service_showsClusterBesideGit_withoutDrift() throws Exception {
        Reply reply = h.ci("info openwarehouse-tv-gql-external env=prod");

        assertEquals(200, reply.status(), reply.body());
        assertEquals("openwarehouse-tv-gql-external in prod:", reply.json().get("message").getAsString());
        assertEquals(List.of(
                "*openwarehouse-tv-gql-external*: cluster tv-prod, namespace default",
                "\u2022 image: cluster runs prod_81ab7ac; git says prod_81ab7ac",
                "\u2022 replicas: desired 3, updated 3, ready 3, available 3",
                "\u2022 autoscaling: cluster min 3, max 12 (current 3, desired 3); git says min 3, max 12"), lines(reply));
        // The service account key's token_uri was used, and its token reached both APIs.
        assertEquals(1, k8s.findAll(postRequestedFor(urlEqualTo("/token"))).size());
        assertEquals("Bearer ya29.test-token", k8s.findAll(getRequestedFor(urlPathEqualTo("/v1/" + CLUSTER)))
                .get(0).getHeader("Authorization"));
        assertEquals("Bearer ya29.test-token", k8s.findAll(getRequestedFor(urlEqualTo(DEPLOYMENTS
                + "openwarehouse-tv-gql-external"))).get(0).getHeader("Authorization"));
    }

    @Test
    void info_afterARelease_flagsDrift() throws Exception {
        h.ci("release openwarehouse project=tv image-tag=prod_99aa001");
        h.ci("scale openwarehouse-tv-gql-external env=prod maxReplicas=20");

        List<String> lines = lines(h.ci("info openwarehouse-tv-gql-external env=prod"));

        assertTrue(lines.contains("\u26a0 drift: git says prod_99aa001, cluster runs prod_81ab7ac; the rollout is pending"
                + " or failed."), lines.toString());
        assertTrue(lines.contains("\u26a0 drift: git says min 3, max 20, cluster has min 3, max 12; the HPA change is"
                + " not applied yet."), lines.toString());
    }

    @Test
    void info_repo_listsEachService_andSaysWhereNoClusterIsConfigured() throws Exception {
        List<String> lines = lines(h.ci("info openwarehouse env=prod"));

        assertTrue(lines.contains("*openwarehouse-tv-cms*: cluster tv-prod, namespace default"), lines.toString());
        assertTrue(lines.contains("\u2022 autoscaling: cluster has no HPA; git says min 2, max 8"), lines.toString());
        assertTrue(lines.contains("\u26a0 drift: git has an hpa.yaml but the cluster has no HPA named"
                + " openwarehouse-tv-gql-internal."), lines.toString());
        assertTrue(lines.contains("*openwarehouse-readr-cms*: no cluster is configured for readr in prod, so this is"
                + " git alone."), lines.toString());
        assertTrue(lines.contains("\u2022 image (git): prod_77d02f1"), lines.toString());
        assertEquals(6, lines.stream().filter(l -> l.startsWith("*")).count());
    }

    @Test
    void info_singleLayoutRepo_withACluster() throws Exception {
        k8s.stubFor(get(DEPLOYMENTS + "mirror-tv-nuxt").willReturn(json("{\"spec\":{\"replicas\":4,\"template\":{\"spec\":"
                + "{\"containers\":[{\"name\":\"nuxt\",\"image\":\"gcr.io/mirrormedia-1470651750304/mirror-tv-nuxt:"
                + "prod_399440e\"}]}}},\"status\":{\"updatedReplicas\":4,\"readyReplicas\":3,\"availableReplicas\":3,"
                + "\"collisionCount\":0}}")));
        hpa("mirror-tv-nuxt", 2, 10);

        List<String> lines = lines(h.ci("info mirror-tv-nuxt env=prod"));

        assertEquals(List.of(
                "*mirror-tv-nuxt*: cluster tv-prod, namespace default",
                "\u2022 image: cluster runs prod_399440e; git says prod_399440e",
                "\u2022 replicas: desired 4, updated 4, ready 3, available 3",
                "\u2022 autoscaling: cluster min 2, max 10 (current 2, desired 2); git says min 2, max 10"), lines);
    }

    @Test
    void info_ofAServiceWithNoDeployment_saysSo() throws Exception {
        List<String> lines = lines(h.ci("info yt-relay-tv-yt-relay env=prod"));

        assertTrue(lines.contains("\u2022 cluster: there is no Deployment named yt-relay-tv-yt-relay in namespace default"
                + " of tv-prod."), lines.toString());
        assertTrue(lines.contains("\u2022 image (git): prod_0a1b2c3"), lines.toString());
    }

    @Test
    void info_whenRbacDenies_namesTheMissingPermission() throws Exception {
        k8s.stubFor(get(DEPLOYMENTS + "openwarehouse-tv-cms").atPriority(1).willReturn(aResponse().withStatus(403)
                .withBody("{\"kind\":\"Status\",\"reason\":\"Forbidden\"}")));

        List<String> lines = lines(h.ci("info openwarehouse-tv-cms env=prod"));

        assertTrue(lines.contains("\u2022 cluster: Kubernetes RBAC on tv-prod does not let major-tom get deployments in"
                + " namespace default (HTTP 403). Apply scripts/rbac.yaml there for the function's service account."),
                lines.toString());
        assertTrue(lines.contains("\u2022 image (git): prod_81ab7ac"), "the git side is still shown");
    }

    @Test
    void info_whenIamDenies_namesContainerClustersGet() throws Exception {
        k8s.stubFor(get(urlPathEqualTo("/v1/" + CLUSTER)).atPriority(1).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":403,\"status\":\"PERMISSION_DENIED\",\"message\":\"denied\"}}")));

        List<String> lines = lines(h.ci("info openwarehouse-tv-cms env=prod"));

        assertTrue(lines.contains("\u2022 cluster: GKE does not let major-tom read the cluster tv-prod: its service"
                + " account needs the IAM permission container.clusters.get (role roles/container.clusterViewer)."),
                lines.toString());
    }

    @Test
    void info_whenTheClusterTimesOut_saysSo() throws Exception {
        k8s.stubFor(get(DEPLOYMENTS + "openwarehouse-tv-cms").atPriority(1)
                .willReturn(aResponse().withFixedDelay(2500).withBody("{}")));

        List<String> lines = lines(h.ci("info openwarehouse-tv-cms env=prod"));

        assertTrue(lines.contains("\u2022 cluster: The cluster tv-prod did not answer within 1 s."), lines.toString());
    }

    @Test
    void info_twice_fetchesClusterDetailsAndTokenOnce() throws Exception {
        h.ci("info openwarehouse-tv-cms env=prod");
        h.ci("info openwarehouse-tv-gql-external env=prod");

        assertEquals(1, k8s.findAll(getRequestedFor(urlPathEqualTo("/v1/" + CLUSTER))).size());
        assertEquals(1, k8s.findAll(postRequestedFor(urlEqualTo("/token"))).size());
    }

    @Test
    void info_fromSlack_isEphemeral() throws Exception {
        Reply reply = h.slack("info openwarehouse-tv-gql-external env=prod");

        assertEquals("ephemeral", reply.json().get("response_type").getAsString());
        assertTrue(reply.text().contains("\u2022 replicas: desired 3, updated 3, ready 3, available 3"), reply.text());
    }
}
