package majortom.repo.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import majortom.config.GitHubSettings;
import majortom.error.UpstreamException;
import majortom.testing.FakeGitHub;
import majortom.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GitHubAppAuthTest {

    private static final String PATH = "mirror-tv-nuxt/overlays/prod/kustomization.yaml";
    private static final String TOKENS = "/app/installations/42/access_tokens";
    private static KeyPair keys;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T03:00:00Z"));
    private FakeGitHub github;
    private WireMockServer wiremock;

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
    }

    @BeforeEach
    void start() {
        github = new FakeGitHub("mirror-media/kubernetes-configs", "master", clock).withSample();
        wiremock = new WireMockServer(wireMockConfig().dynamicPort().extensions(github));
        wiremock.start();
        wiremock.stubFor(any(urlPathMatching("/.*")).atPriority(10).willReturn(aResponse().withTransformers(FakeGitHub.NAME)));
        stubToken("ghs_first", clock.instant().plus(Duration.ofHours(1)));
    }

    @AfterEach
    void stop() {
        wiremock.stop();
    }

    private void stubToken(String token, Instant expires) {
        wiremock.stubFor(post(TOKENS).atPriority(1).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"token\":\"" + token + "\",\"expires_at\":\"" + expires + "\"}")));
    }

    private GitHubConfigRepository repository(String pem) {
        AppInstallationTokens tokens = new AppInstallationTokens(wiremock.baseUrl(), "12345", "42",
                AppInstallationTokens.parsePrivateKey(pem), clock, Duration.ofSeconds(2), Duration.ofSeconds(3));
        return GitHubConfigRepository.withApp(wiremock.baseUrl(), tokens,
                new GitHubSettings("mirror-media/kubernetes-configs", "master"), Duration.ofSeconds(2), Duration.ofSeconds(3));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static String pkcs8Pem() {
        return pem("PRIVATE KEY", keys.getPrivate().getEncoded());
    }

    /** The PKCS#1 key inside Java's PKCS#8 encoding (after its 26-byte header for a 2048-bit key). */
    private static String pkcs1Pem() {
        byte[] pkcs8 = keys.getPrivate().getEncoded();
        assertEquals(0x04, pkcs8[22]);
        return pem("RSA PRIVATE KEY", Arrays.copyOfRange(pkcs8, 26, pkcs8.length));
    }

    private List<String> requests() {
        return wiremock.findAll(anyRequestedFor(anyUrl())).stream()
                .map(r -> r.getMethod().getName() + " " + r.getUrl().replaceAll("\\?.*", ""))
                .collect(Collectors.toList());
    }

    @Test
    void pkcs1AndPkcs8Keys_readAsTheSameKey() {
        assertArrayEquals(AppInstallationTokens.parsePrivateKey(pkcs8Pem()).getEncoded(),
                AppInstallationTokens.parsePrivateKey(pkcs1Pem()).getEncoded());
        assertArrayEquals(keys.getPrivate().getEncoded(),
                AppInstallationTokens.parsePrivateKey(pkcs1Pem().replace("\n", "\\n")).getEncoded());
        assertThrows(IllegalArgumentException.class, () -> AppInstallationTokens.parsePrivateKey("not a key"));
    }

    @Test
    void firstRead_tradesASignedJwtForAnInstallationToken_andUsesIt() throws Exception {
        GitHubConfigRepository repo = repository(pkcs1Pem());

        repo.read(PATH).orElseThrow();

        assertEquals(List.of("POST " + TOKENS, "GET /repos/mirror-media/kubernetes-configs",
                "GET /repos/mirror-media/kubernetes-configs/contents/" + PATH), requests());
        LoggedRequest tokenRequest = wiremock.findAll(postRequestedFor(urlEqualTo(TOKENS))).get(0);
        String jwt = tokenRequest.getHeader("Authorization").substring("Bearer ".length());
        String[] parts = jwt.split("\\.");
        JsonObject claims = JsonParser.parseString(new String(Base64.getUrlDecoder().decode(parts[1]),
                StandardCharsets.UTF_8)).getAsJsonObject();
        assertEquals("12345", claims.get("iss").getAsString());
        assertEquals(clock.instant().getEpochSecond() - 60, claims.get("iat").getAsLong());
        assertEquals(clock.instant().getEpochSecond() + 540, claims.get("exp").getAsLong());
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(keys.getPublic());
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertTrue(rs256.verify(Base64.getUrlDecoder().decode(parts[2])), "the JWT verifies with the App's public key");
        List<LoggedRequest> contents = wiremock.findAll(anyRequestedFor(urlPathMatching(".*/contents/.*")));
        assertEquals("token ghs_first", contents.get(0).getHeader("Authorization"));
    }

    @Test
    void theToken_isCachedUntilShortlyBeforeItExpires() {
        GitHubConfigRepository repo = repository(pkcs8Pem());
        repo.read(PATH);
        clock.advance(Duration.ofMinutes(50));
        repo.read(PATH);
        assertEquals(1, wiremock.findAll(postRequestedFor(urlEqualTo(TOKENS))).size());

        stubToken("ghs_second", clock.instant().plus(Duration.ofHours(1)));
        clock.advance(Duration.ofMinutes(6));
        repo.read(PATH);

        assertEquals(2, wiremock.findAll(postRequestedFor(urlEqualTo(TOKENS))).size());
        List<LoggedRequest> contents = wiremock.findAll(anyRequestedFor(urlPathMatching(".*/contents/.*")));
        assertEquals("token ghs_second", contents.get(contents.size() - 1).getHeader("Authorization"));
    }

    @Test
    void refusedAppCredentials_sayWhatToCheck() {
        wiremock.stubFor(post(TOKENS).atPriority(1).willReturn(aResponse().withStatus(401).withBody("{}")));

        UpstreamException e = assertThrows(UpstreamException.class, () -> repository(pkcs8Pem()).read(PATH));

        assertTrue(e.getMessage().startsWith("GitHub refused major-tom's App credentials (HTTP 401); nothing was changed."),
                e.getMessage());
    }
}
