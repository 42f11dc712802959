package majortom.repo.github;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import majortom.error.UpstreamException;
import org.kohsuke.github.authorization.AuthorizationProvider;

/**
 * Authenticates as a GitHub App installation: signs a short JWT with the App's key, trades it for an
 * installation token, and keeps that token until shortly before it expires.
 *
 * <p>The JWT is signed here (RS256 over {@code java.security}) rather than through hub4j's
 * {@code JWTTokenProvider}, which needs the optional jjwt jars and rejects PKCS#1 keys.
 *
 * @see <a href="https://docs.github.com/en/apps/creating-github-apps/authenticating-with-a-github-app/generating-a-json-web-token-jwt-for-a-github-app">Generating a JWT for a GitHub App</a>
 * @see <a href="https://docs.github.com/en/rest/apps/apps#create-an-installation-access-token-for-an-app">Create an installation access token</a>
 */
public final class AppInstallationTokens implements AuthorizationProvider {

    /** Renew this long before expiry, so a token never runs out in the middle of a command. */
    static final Duration MARGIN = Duration.ofMinutes(5);

    private final String apiUrl;
    private final String appId;
    private final String installationId;
    private final RSAPrivateKey key;
    private final Clock clock;
    private final HttpClient client;
    private final Duration requestTimeout;
    private String token;
    private Instant expiresAt = Instant.MIN;

    public AppInstallationTokens(String apiUrl, String appId, String installationId, RSAPrivateKey key, Clock clock,
            Duration connectTimeout, Duration requestTimeout) {
        this.apiUrl = apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl;
        this.appId = Objects.requireNonNull(appId, "appId");
        this.installationId = Objects.requireNonNull(installationId, "installationId");
        this.key = Objects.requireNonNull(key, "key");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout).build();
        this.requestTimeout = requestTimeout;
    }

    @Override
    public synchronized String getEncodedAuthorization() throws IOException {
        if (token == null || !clock.instant().isBefore(expiresAt.minus(MARGIN))) {
            refresh();
        }
        return "token " + token;
    }

    private void refresh() throws IOException {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(apiUrl + "/app/installations/" + installationId + "/access_tokens"))
                .timeout(requestTimeout)
                .header("Authorization", "Bearer " + jwt())
                .header("Accept", "application/vnd.github+json")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while asking GitHub for an installation token", e);
        }
        if (response.statusCode() == 401 || response.statusCode() == 403 || response.statusCode() == 404) {
            throw new UpstreamException("GitHub refused major-tom's App credentials (HTTP " + response.statusCode()
                    + "); nothing was changed. Ask an admin to check GITHUB_APP_ID, GITHUB_APP_INSTALLATION_ID"
                    + " and GITHUB_APP_PRIVATE_KEY, and that the App is installed on kubernetes-configs.");
        }
        if (response.statusCode() != 201) {
            throw new IOException("installation token request answered HTTP " + response.statusCode());
        }
        JsonObject body = JsonParser.parseString(response.body()).getAsJsonObject();
        token = body.get("token").getAsString();
        expiresAt = Instant.parse(body.get("expires_at").getAsString());
    }

    /** A JWT for the App: issued a minute in the past against clock drift, valid for nine minutes. */
    String jwt() {
        long now = clock.instant().getEpochSecond();
        String header = base64Url("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
        String payload = base64Url("{\"iat\":" + (now - 60) + ",\"exp\":" + (now + 540) + ",\"iss\":\""
                + appId.replace("\"", "") + "\"}");
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not sign the GitHub App JWT", e);
        }
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads an RSA private key from PEM, PKCS#8 ({@code BEGIN PRIVATE KEY}) or PKCS#1
     * ({@code BEGIN RSA PRIVATE KEY}, as GitHub issues them); escaped {@code \n} are accepted.
     *
     * @throws IllegalArgumentException when the text is neither
     */
    public static RSAPrivateKey parsePrivateKey(String pem) {
        String text = pem.replace("\\n", "\n").strip();
        boolean pkcs1 = text.contains("-----BEGIN RSA PRIVATE KEY-----");
        if (!pkcs1 && !text.contains("-----BEGIN PRIVATE KEY-----")) {
            throw new IllegalArgumentException("not a PEM RSA private key (PKCS#1 or PKCS#8)");
        }
        String base64 = text.replaceAll("-----(BEGIN|END) (RSA )?PRIVATE KEY-----", "").replaceAll("\\s", "");
        try {
            byte[] der = Base64.getDecoder().decode(base64);
            byte[] pkcs8 = pkcs1 ? wrapPkcs1(der) : der;
            return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (IllegalArgumentException | GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException("not a readable RSA private key", e);
        }
    }

    /** PKCS#8 PrivateKeyInfo around a PKCS#1 RSAPrivateKey: version 0, rsaEncryption, the key as an octet string. */
    static byte[] wrapPkcs1(byte[] pkcs1) {
        byte[] version = {0x02, 0x01, 0x00};
        byte[] rsaEncryption = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01,
            0x01, 0x01, 0x05, 0x00};
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(version);
        body.writeBytes(rsaEncryption);
        body.writeBytes(der(0x04, pkcs1));
        return der(0x30, body.toByteArray());
    }

    private static byte[] der(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = length > 0xffffff ? 4 : length > 0xffff ? 3 : length > 0xff ? 2 : 1;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write((length >>> (8 * i)) & 0xff);
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }
}
