package majortom.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** scripts/rbac.yaml grants exactly what info reads: get on deployments and horizontalpodautoscalers. */
class RbacManifestTest {

    @Test
    @SuppressWarnings("unchecked")
    void rbacManifest_grantsOnlyGetOnDeploymentsAndHpas() throws Exception {
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Object doc : new Yaml(new SafeConstructor(new LoaderOptions()))
                .loadAll(Files.readString(Path.of("scripts/rbac.yaml"), StandardCharsets.UTF_8))) {
            docs.add((Map<String, Object>) doc);
        }
        assertEquals(List.of("ClusterRole", "ClusterRoleBinding"), docs.stream().map(d -> d.get("kind")).toList());
        assertEquals(List.of(
                Map.of("apiGroups", List.of("apps"), "resources", List.of("deployments"), "verbs", List.of("get")),
                Map.of("apiGroups", List.of("autoscaling"), "resources", List.of("horizontalpodautoscalers"),
                        "verbs", List.of("get"))), docs.get(0).get("rules"));
        assertEquals("major-tom-reader", ((Map<String, Object>) docs.get(1).get("roleRef")).get("name"));
    }
}
