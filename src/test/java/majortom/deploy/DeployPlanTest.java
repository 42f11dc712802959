package majortom.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DeployPlanTest {

    @Test
    void theShippedFunctionYaml_givesTheDeployAndCpuCommands() throws Exception {
        String yaml = Files.readString(Path.of("function.yaml"), StandardCharsets.UTF_8);

        List<String> lines = DeployPlan.commands(yaml, "function.yaml", "target/deploy").stream()
                .map(DeployPlan::shellLine).collect(Collectors.toList());

        assertEquals(List.of(
                "gcloud functions deploy major-tom --gen2 --project=mirrormedia-1470651750304 --region=asia-east1"
                        + " --runtime=java21 --entry-point=majortom.MajorTomFunction --source=target/deploy"
                        + " --trigger-http --allow-unauthenticated --memory=512Mi --cpu=1 --timeout=60s"
                        + " --min-instances=1 --max-instances=3 --concurrency=8"
                        + " --service-account=major-tom@mirrormedia-1470651750304.iam.gserviceaccount.com"
                        + " --set-env-vars=GITHUB_API_URL=https://api.github.com"
                        + " --set-secrets=SLACK_SIGNING_SECRET=major-tom-slack-signing-secret:latest,"
                        + "GITHUB_TOKEN=major-tom-github-token:latest,MAJOR_TOM_CI_TOKENS=major-tom-ci-tokens:latest",
                "gcloud run services update major-tom --project=mirrormedia-1470651750304 --region=asia-east1"
                        + " --no-cpu-throttling"), lines);
    }

    @Test
    void withoutCpuAlwaysAllocated_thereIsOneCommand() {
        String yaml = "deploy:\n  name: f\n  project: p\n  region: r\n  runtime: java21\n  entry-point: a.B\n";
        assertEquals(1, DeployPlan.commands(yaml, "f.yaml", "out").size());
    }

    @Test
    void unknownOrMissingKeys_areNamed() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> DeployPlan.commands(
                "deploy:\n  name: f\n  project: p\n  region: r\n  runtime: java21\n  entry-point: a.B\n  memroy: 1Gi\n",
                "f.yaml", "out"));
        assertTrue(unknown.getMessage().startsWith("f.yaml: deploy.memroy is an unknown key"), unknown.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> DeployPlan.commands("deploy:\n  name: f\n", "f.yaml", "out"));
        assertTrue(missing.getMessage().contains("is missing"), missing.getMessage());
    }

    @Test
    void main_writesOneShellLinePerCommand(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path out = dir.resolve("commands.sh");

        DeployPlan.main(new String[] {"function.yaml", "target/deploy", out.toString()});

        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertEquals(2, lines.size());
        assertTrue(lines.get(0).startsWith("gcloud functions deploy major-tom --gen2 "), lines.get(0));
        assertTrue(lines.get(1).endsWith(" --no-cpu-throttling"), lines.get(1));
    }

    @Test
    void shellLine_quotesWhatTheShellWouldSplit() {
        assertEquals("echo 'a b' 'it'\\''s' plain=1", DeployPlan.shellLine(List.of("echo", "a b", "it's", "plain=1")));
    }
}
