package majortom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import majortom.ci.CiTokens;
import majortom.command.Caller;
import majortom.command.CommandParser;
import majortom.config.Configuration;
import majortom.ops.AccessControl;
import majortom.ops.FileUpdater;
import majortom.ops.ImageOperations;
import majortom.ops.InfoOperations;
import majortom.ops.ListOperations;
import majortom.ops.ScaleOperations;
import majortom.ops.Operations;
import majortom.ops.Targets;
import majortom.repo.local.LocalGitConfigRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After major-tom edits the sample, {@code kubectl kustomize} still renders it, with the new image.
 * Skipped, with a message, where kubectl is not installed.
 */
class KustomizeRenderTest {

    @TempDir
    Path dir;

    @Test
    void editedOverlays_stillRender_withTheNewTags() throws Exception {
        assumeTrue(kubectlAvailable(), "kubectl is not installed: skipping the kustomize render check");
        Configuration configuration = Wiring.loadConfiguration(java.util.Optional.empty());
        LocalGitConfigRepository repo = LocalGitConfigRepository.openOrCreate(dir, "master", Clock.systemUTC());
        Targets targets = new Targets(configuration);
        FileUpdater updater = new FileUpdater(repo, d -> { });
        AccessControl open = new AccessControl(configuration.access());
        Operations ops = new Operations(new ImageOperations(targets, updater, open), new ScaleOperations(targets, updater),
                new ListOperations(targets, repo, Runnable::run),
                new InfoOperations(targets, repo, () -> null, Runnable::run), open);
        CommandParser parser = new CommandParser();
        Caller caller = new Caller.CiClient("test");
        for (String command : List.of("release openwarehouse project=tv image-tag=1.10",
                "deploy openwarehouse env=dev image-tag=on", "deploy yt-relay env=staging image-tag=0123",
                "release readr-site image-tag=prod_fff0000", "deploy readr-site env=dev image-tag=1e3",
                "scale openwarehouse-tv-gql-external env=prod maxReplicas=20 minReplicas=4",
                "scale mirror-tv-nuxt env=dev minReplicas=2")) {
            ops.run(parser.parse(command), caller);
        }
        assertTrue(render("openwarehouse/overlays/prod/overlays/tv/overlays/gql-external")
                .contains("image: gcr.io/mirrormedia-1470651750304/openwarehouse:1.10\n"));
        assertTrue(render("openwarehouse/overlays/dev/overlays/readr/overlays/cms")
                .contains("image: gcr.io/mirrormedia-1470651750304/openwarehouse:on\n"));
        String relay = render("yt-relay/overlays/staging/overlays/tv/overlays/yt-relay");
        assertTrue(relay.contains("image: gcr.io/mirrormedia-1470651750304/yt-relay:0123\n"), relay);
        String readr = render("readr-site/overlays/prod");
        assertTrue(readr.contains("readr-site:prod_fff0000\n") && readr.contains("image: nginx:1.27\n"), readr);
        assertTrue(render("readr-site/overlays/dev").contains("readr-site:1e3\n"));
        String hpa = render("openwarehouse/overlays/prod/overlays/tv/overlays/gql-external");
        assertTrue(hpa.contains("maxReplicas: 20\n") && hpa.contains("minReplicas: 4\n"), hpa);
        assertTrue(render("mirror-tv-nuxt/overlays/dev").contains("minReplicas: 2\n"));
    }

    private String render(String overlay) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("kubectl", "kustomize", dir.resolve(overlay).toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    private static boolean kubectlAvailable() {
        try {
            Process p = new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
