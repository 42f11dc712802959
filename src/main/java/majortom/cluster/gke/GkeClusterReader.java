package majortom.cluster.gke;

import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.gax.core.FixedCredentialsProvider;
import com.google.api.gax.httpjson.InstantiatingHttpJsonChannelProvider;
import com.google.api.gax.retrying.RetrySettings;
import com.google.api.gax.rpc.ApiException;
import com.google.api.gax.rpc.StatusCode;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.cloud.container.v1.ClusterManagerClient;
import com.google.cloud.container.v1.ClusterManagerSettings;
import com.google.container.v1.Cluster;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import majortom.cluster.ClusterReader;
import majortom.cluster.ClusterUnavailable;
import majortom.cluster.Workload;
import majortom.config.ClusterTarget;

/**
 * Reads Deployments and HPAs from GKE: the cluster's endpoint and CA certificate come from the GKE API
 * (HTTP/JSON transport), the access token from Application Default Credentials, and the objects from
 * the Kubernetes API over TLS that trusts only that CA.
 *
 * <p>Only the few fields needed are read, with Gson, so fields a newer cluster adds never break it.
 * Cluster details are cached per instance for {@link #CLUSTER_TTL}; google-auth caches the token until
 * it expires.
 *
 * @see <a href="https://cloud.google.com/kubernetes-engine/docs/reference/rest/v1/projects.locations.clusters/get">GKE clusters.get</a>
 * @see <a href="https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/deployment-v1/">Deployment v1</a>
 */
public final class GkeClusterReader implements ClusterReader {

    static final Duration CLUSTER_TTL = Duration.ofHours(1);
    private static final String SCOPE = "https://www.googleapis.com/auth/cloud-platform";

    private final GoogleCredentials credentials;
    private final ClusterManagerClient gke;
    private final Clock clock;
    private final Duration gkeTimeout;
    private final Duration timeout;
    private final Map<String, Connection> connections = new ConcurrentHashMap<>();

    /** A cluster's API server and a client that trusts its CA. */
    private record Connection(String endpoint, HttpClient client, Instant fetched) {
    }

    /**
     * @param endpoint the GKE API endpoint ({@code host:port}), empty for Google's default
     * @param gkeTransport the transport to the GKE API; tests pass one that trusts their CA
     * @param gkeTimeout the bound on the GKE API call
     * @param timeout the bound on each Kubernetes API request
     */
    public GkeClusterReader(GoogleCredentials credentials, Optional<String> endpoint, HttpTransport gkeTransport,
            Clock clock, Duration gkeTimeout, Duration timeout) {
        this.credentials = credentials.createScopedRequired() ? credentials.createScoped(List.of(SCOPE)) : credentials;
        this.clock = clock;
        this.gkeTimeout = gkeTimeout;
        this.timeout = timeout;
        try {
            InstantiatingHttpJsonChannelProvider.Builder channel = InstantiatingHttpJsonChannelProvider.newBuilder()
                    .setHttpTransport(gkeTransport)
                    .setEndpoint(endpoint.orElse(ClusterManagerSettings.getDefaultEndpoint()));
            ClusterManagerSettings.Builder settings = ClusterManagerSettings.newHttpJsonBuilder()
                    .setCredentialsProvider(FixedCredentialsProvider.create(this.credentials))
                    .setTransportChannelProvider(channel.build());
            settings.getClusterSettings().setRetrySettings(RetrySettings.newBuilder()
                    .setTotalTimeoutDuration(gkeTimeout).setInitialRpcTimeoutDuration(gkeTimeout)
                    .setMaxRpcTimeoutDuration(gkeTimeout).setMaxAttempts(1).build());
            if (endpoint.isPresent()) {
                settings.setEndpoint(endpoint.get());
            }
            this.gke = ClusterManagerClient.create(settings.build());
        } catch (IOException e) {
            throw new IllegalStateException("could not set up the GKE client", e);
        }
    }

    /** With Application Default Credentials and Google's endpoint, or {@code MAJOR_TOM_GKE_ENDPOINT}. */
    public static GkeClusterReader fromEnvironment(Map<String, String> env) {
        try {
            return new GkeClusterReader(GoogleCredentials.getApplicationDefault(),
                    Optional.ofNullable(env.get("MAJOR_TOM_GKE_ENDPOINT")).filter(v -> !v.isBlank()),
                    new NetHttpTransport(), Clock.systemUTC(), Duration.ofSeconds(5), Duration.ofSeconds(5));
        } catch (IOException e) {
            throw new ClusterUnavailable("major-tom has no Google credentials to reach GKE; on Cloud Functions the"
                    + " function's service account provides them.", e);
        }
    }

    @Override
    public Optional<Workload> read(ClusterTarget target, String name) {
        Connection c = connection(target);
        String ns = target.namespace();
        Optional<JsonObject> deployment = get(c, target, "/apis/apps/v1/namespaces/" + ns + "/deployments/" + name,
                "deployments");
        if (deployment.isEmpty()) {
            return Optional.empty();
        }
        Optional<JsonObject> hpa = get(c, target,
                "/apis/autoscaling/v2/namespaces/" + ns + "/horizontalpodautoscalers/" + name, "horizontalpodautoscalers");
        return Optional.of(workload(name, deployment.get(), hpa));
    }

    static Workload workload(String name, JsonObject deployment, Optional<JsonObject> hpa) {
        JsonObject spec = object(deployment, "spec");
        JsonObject status = object(deployment, "status");
        List<String> images = new ArrayList<>();
        JsonElement containers = object(object(spec, "template"), "spec").get("containers");
        if (containers instanceof JsonArray array) {
            for (JsonElement c : array) {
                if (c.isJsonObject() && c.getAsJsonObject().has("image")) {
                    images.add(c.getAsJsonObject().get("image").getAsString());
                }
            }
        }
        Workload.Replicas replicas = new Workload.Replicas(integer(spec, "replicas", 1),
                integer(status, "updatedReplicas", 0), integer(status, "readyReplicas", 0),
                integer(status, "availableReplicas", 0));
        Optional<Workload.Autoscaler> autoscaler = hpa.map(h -> new Workload.Autoscaler(
                integer(object(h, "spec"), "minReplicas", 1), integer(object(h, "spec"), "maxReplicas", 0),
                integer(object(h, "status"), "currentReplicas", 0), integer(object(h, "status"), "desiredReplicas", 0)));
        return new Workload(name, images, replicas, autoscaler);
    }

    private Optional<JsonObject> get(Connection c, ClusterTarget target, String path, String resource) {
        String token;
        try {
            credentials.refreshIfExpired();
            token = credentials.getAccessToken().getTokenValue();
        } catch (IOException e) {
            throw new ClusterUnavailable("major-tom could not get a Google access token for " + target.clusterName()
                    + ". Check the function's service account.", e);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create("https://" + c.endpoint() + path))
                .timeout(timeout)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .GET().build();
        HttpResponse<String> response;
        try {
            response = c.client().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new ClusterUnavailable("The cluster " + target.clusterName() + " did not answer within "
                    + timeout.toSeconds() + " s.", e);
        } catch (IOException e) {
            throw new ClusterUnavailable("The cluster " + target.clusterName() + " could not be reached.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterUnavailable("Interrupted while reading " + target.clusterName() + ".", e);
        }
        int status = response.statusCode();
        if (status == 404) {
            return Optional.empty();
        }
        if (status == 401 || status == 403) {
            throw new ClusterUnavailable("Kubernetes RBAC on " + target.clusterName() + " does not let major-tom get "
                    + resource + " in namespace " + target.namespace() + " (HTTP " + status + "). Apply"
                    + " scripts/rbac.yaml there for the function's service account.", null);
        }
        if (status != 200) {
            throw new ClusterUnavailable("The cluster " + target.clusterName() + " answered HTTP " + status
                    + " for " + resource + ".", null);
        }
        return Optional.of(JsonParser.parseString(response.body()).getAsJsonObject());
    }

    private Connection connection(ClusterTarget target) {
        Connection cached = connections.get(target.gke());
        if (cached != null && clock.instant().isBefore(cached.fetched().plus(CLUSTER_TTL))) {
            return cached;
        }
        Cluster cluster;
        try {
            cluster = gke.getCluster(target.gke());
        } catch (ApiException e) {
            StatusCode.Code code = e.getStatusCode().getCode();
            throw switch (code) {
                case PERMISSION_DENIED, UNAUTHENTICATED -> new ClusterUnavailable("GKE does not let major-tom read the"
                        + " cluster " + target.clusterName() + ": its service account needs the IAM permission"
                        + " container.clusters.get (role roles/container.clusterViewer).", e);
                case NOT_FOUND -> new ClusterUnavailable("GKE has no cluster " + target.gke() + ". Check clusters: in"
                        + " function.yaml.", e);
                case DEADLINE_EXCEEDED -> new ClusterUnavailable("GKE did not answer within " + gkeTimeout.toSeconds()
                        + " s for " + target.clusterName() + ".", e);
                default -> new ClusterUnavailable("GKE could not be reached for " + target.clusterName() + " ("
                        + code + ").", e);
            };
        }
        Connection fresh = new Connection(cluster.getEndpoint(),
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                        .sslContext(trusting(cluster.getMasterAuth().getClusterCaCertificate(), target)).build(),
                clock.instant());
        connections.put(target.gke(), fresh);
        return fresh;
    }

    /** A TLS context that trusts only the cluster's CA, given as base64-encoded PEM. */
    static SSLContext trusting(String base64Pem, ClusterTarget target) {
        try {
            byte[] pem = Base64.getDecoder().decode(base64Pem.strip());
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate cert : CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem))) {
                store.setCertificateEntry("cluster-ca-" + i++, cert);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IllegalArgumentException | GeneralSecurityException | IOException e) {
            throw new ClusterUnavailable("GKE gave a CA certificate for " + target.clusterName()
                    + " that major-tom cannot read.", e);
        }
    }

    private static JsonObject object(JsonObject parent, String key) {
        JsonElement e = parent == null ? null : parent.get(key);
        return e != null && e.isJsonObject() ? e.getAsJsonObject() : new JsonObject();
    }

    private static int integer(JsonObject parent, String key, int absent) {
        JsonElement e = parent.get(key);
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber() ? e.getAsInt() : absent;
    }
}
