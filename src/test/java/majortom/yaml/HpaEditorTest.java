package majortom.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HpaEditorTest {

    private static final String HEAD = "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: app\n";

    static Stream<Arguments> edits() {
        return Stream.of(
                Arguments.of("basic file, both bounds",
                        HEAD + "spec:\n  minReplicas: 1\n  maxReplicas: 3\n", 2, 8,
                        HEAD + "spec:\n  minReplicas: 2\n  maxReplicas: 8\n"),
                Arguments.of("only max",
                        HEAD + "spec:\n  minReplicas: 1\n  maxReplicas: 3\n", null, 5,
                        HEAD + "spec:\n  minReplicas: 1\n  maxReplicas: 5\n"),
                Arguments.of("minReplicas absent is inserted before maxReplicas",
                        HEAD + "spec:\n  scaleTargetRef:\n    kind: Deployment\n    name: app\n  maxReplicas: 3\n", 2, null,
                        HEAD + "spec:\n  scaleTargetRef:\n    kind: Deployment\n    name: app\n  minReplicas: 2\n  maxReplicas: 3\n"),
                Arguments.of("maxReplicas absent is inserted after minReplicas",
                        HEAD + "spec:\n    minReplicas: 1\n    metrics: []\n", null, 4,
                        HEAD + "spec:\n    minReplicas: 1\n    maxReplicas: 4\n    metrics: []\n"),
                Arguments.of("both absent go after a nested block, with spec's indentation",
                        HEAD + "spec:\n  metrics:\n    - type: Resource\n      resource:\n        name: cpu # cpu\n# end\n",
                        1, 4,
                        HEAD + "spec:\n  metrics:\n    - type: Resource\n      resource:\n        name: cpu # cpu\n"
                                + "  minReplicas: 1\n  maxReplicas: 4\n# end\n"),
                Arguments.of("comments and trailing comments survive",
                        "# autoscaling 🚀\n" + HEAD + "spec:\n  # lower bound\n  minReplicas: 1 # night\n"
                                + "  maxReplicas: 3   # keep an eye on the pool\n",
                        2, 6,
                        "# autoscaling 🚀\n" + HEAD + "spec:\n  # lower bound\n  minReplicas: 2 # night\n"
                                + "  maxReplicas: 6   # keep an eye on the pool\n"),
                Arguments.of("flow style",
                        HEAD + "spec: {minReplicas: 1, maxReplicas: 3}\n", 2, 5,
                        HEAD + "spec: {minReplicas: 2, maxReplicas: 5}\n"),
                Arguments.of("flow style with minReplicas absent",
                        HEAD + "spec: {scaleTargetRef: {kind: Deployment, name: app}, maxReplicas: 3}\n", 2, null,
                        HEAD + "spec: {scaleTargetRef: {kind: Deployment, name: app}, minReplicas: 2, maxReplicas: 3}\n"),
                Arguments.of("multi-document file: only the HPA is touched",
                        "apiVersion: v1\nkind: ConfigMap\ndata:\n  maxReplicas: \"3\"\nspec:\n  maxReplicas: 3\n---\n"
                                + HEAD + "spec:\n  minReplicas: 1\n  maxReplicas: 3\n---\nkind: Other\nspec:\n  maxReplicas: 3\n",
                        null, 9,
                        "apiVersion: v1\nkind: ConfigMap\ndata:\n  maxReplicas: \"3\"\nspec:\n  maxReplicas: 3\n---\n"
                                + HEAD + "spec:\n  minReplicas: 1\n  maxReplicas: 9\n---\nkind: Other\nspec:\n  maxReplicas: 3\n"),
                Arguments.of("a quoted number becomes a plain integer",
                        HEAD + "spec:\n  minReplicas: \"1\"\n  maxReplicas: 3\n", 1, null,
                        HEAD + "spec:\n  minReplicas: 1\n  maxReplicas: 3\n"),
                Arguments.of("CRLF and no final newline",
                        HEAD.replace("\n", "\r\n") + "spec:\r\n  maxReplicas: 3", 2, null,
                        HEAD.replace("\n", "\r\n") + "spec:\r\n  minReplicas: 2\r\n  maxReplicas: 3"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("edits")
    void setBounds_editsOnlyTheBounds(String name, String input, Integer min, Integer max, String expected) {
        HpaEdit edit = HpaEditor.setBounds(input, Optional.ofNullable(min), Optional.ofNullable(max));
        assertEquals(expected, edit.text());
    }

    @Test
    void setBounds_toTheCurrentValues_changesNothing() {
        String input = HEAD + "spec:\n  minReplicas: 2\n  maxReplicas: 3\n";
        HpaEdit edit = HpaEditor.setBounds(input, Optional.of(2), Optional.of(3));
        assertFalse(edit.changed());
        assertEquals(input, edit.text());
    }

    @Test
    void read_givesTheCurrentBounds() {
        HpaEdit current = HpaEditor.read(HEAD + "spec:\n  maxReplicas: 3\n");
        assertEquals(Optional.empty(), current.previousMin());
        assertEquals(Optional.of(3), current.previousMax());
    }

    @Test
    void setBounds_withoutAnHpa_isRefused() {
        assertThrows(EditException.class, () -> HpaEditor.setBounds("kind: Deployment\nspec: {replicas: 1}\n",
                Optional.of(1), Optional.empty()));
    }

    @Test
    void setBounds_onANonNumericBound_isRefused() {
        assertThrows(EditException.class, () -> HpaEditor.setBounds(HEAD + "spec:\n  maxReplicas: lots\n",
                Optional.of(1), Optional.empty()));
    }
}
