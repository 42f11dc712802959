package majortom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * None of the cluster classes (major-tom's GKE adapter, the GKE client, gRPC, google-auth) load for
 * commands other than info; checked with {@code -verbose:class} in a separate JVM.
 */
class LazyLoadingTest {

    private static final List<String> HEAVY = List.of("majortom.cluster.gke.", "com.google.cloud.container.",
            "com.google.container.v1.", "io.grpc.", "com.google.auth.", "com.google.api.gax.");

    @TempDir
    Path dir;

    private List<String> loadedClasses(String... commands) throws Exception {
        Path config = dir.resolve("function.yaml");
        Files.writeString(config, Files.readString(Path.of("function.yaml"), StandardCharsets.UTF_8)
                + InfoEndToEndTest.CLUSTERS, StandardCharsets.UTF_8);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-verbose:class", "-cp", System.getProperty("java.class.path"), LazyLoadingProbe.class.getName()));
        cmd.addAll(List.of(commands));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("PROBE_REPO", dir.resolve("repo").toString());
        pb.environment().put("PROBE_CONFIG", config.toString());
        // google-auth must not look for a metadata server: only loopback is reachable here.
        pb.environment().put("NO_GCE_CHECK", "true");
        pb.environment().remove("GOOGLE_APPLICATION_CREDENTIALS");
        Process p = pb.start();
        List<String> out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                .collect(Collectors.toList());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), String.join("\n", out.subList(Math.max(0, out.size() - 30), out.size())));
        assertEquals(commands.length, out.stream().filter(l -> l.startsWith("PROBE 200 ")).count(),
                out.stream().filter(l -> l.startsWith("PROBE")).collect(Collectors.joining("\n")));
        return out.stream().filter(l -> l.startsWith("[class,load]") || l.startsWith("[")).collect(Collectors.toList());
    }

    private static List<String> heavy(List<String> loaded) {
        return loaded.stream().filter(l -> HEAVY.stream().anyMatch(l::contains)).collect(Collectors.toList());
    }

    @Test
    void releaseListAndHelp_loadNoClusterClasses() throws Exception {
        List<String> loaded = loadedClasses("release openwarehouse project=tv image-tag=prod_1234567",
                "list project=tv env=prod", "list openwarehouse-tv-cms env=prod", "help");

        assertTrue(loaded.stream().anyMatch(l -> l.contains("majortom.ops.ImageOperations")), "the probe really ran");
        assertEquals(List.of(), heavy(loaded));
    }

    @Test
    void info_doesLoadThem_soTheCheckAboveCanFail() throws Exception {
        List<String> loaded = loadedClasses("info openwarehouse-tv-cms env=prod");

        assertTrue(heavy(loaded).stream().anyMatch(l -> l.contains("majortom.cluster.gke.GkeClusterReader")),
                "info loads the GKE adapter");
    }
}
