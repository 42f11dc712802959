package majortom.yaml;

import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Sets {@code spec.minReplicas} and {@code spec.maxReplicas} of the HorizontalPodAutoscaler in a
 * file, changing nothing else; other documents of the file are left alone.
 *
 * @see <a href="https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/horizontal-pod-autoscaler-v2/">HorizontalPodAutoscaler v2</a>
 */
public final class HpaEditor {

    static final String MIN = "minReplicas";
    static final String MAX = "maxReplicas";

    private HpaEditor() {
    }

    /** The current bounds: min and max, each empty when absent. */
    public static HpaEdit read(String text) {
        YamlText yaml = YamlText.parse(text);
        MappingNode spec = spec(yaml);
        return new HpaEdit(text, false, bound(spec, MIN), bound(spec, MAX));
    }

    /**
     * Sets the given bounds; an absent one is left as it is.
     *
     * @throws EditException when the file has no HorizontalPodAutoscaler with a spec
     */
    public static HpaEdit setBounds(String text, Optional<Integer> min, Optional<Integer> max) {
        YamlText yaml = YamlText.parse(text);
        MappingNode spec = spec(yaml);
        Optional<Integer> previousMin = bound(spec, MIN);
        Optional<Integer> previousMax = bound(spec, MAX);
        min.ifPresent(v -> set(yaml, spec, MIN, v, previousMin));
        max.ifPresent(v -> set(yaml, spec, MAX, v, previousMax));
        String out = yaml.hasEdits() ? yaml.apply() : text;
        return new HpaEdit(out, yaml.hasEdits(), previousMin, previousMax);
    }

    private static void set(YamlText yaml, MappingNode spec, String key, int value, Optional<Integer> previous) {
        Optional<NodeTuple> tuple = YamlText.entry(spec, key);
        String rendered = Integer.toString(value);
        if (tuple.isPresent()) {
            boolean plain = tuple.get().getValueNode() instanceof ScalarNode s
                    && s.getScalarStyle() == ScalarStyle.PLAIN;
            // A quoted number is a string, which Kubernetes rejects: rewrite it plain.
            if (!(previous.isPresent() && previous.get() == value && plain)) {
                yaml.replaceValue(tuple.get(), rendered);
            }
            return;
        }
        List<NodeTuple> tuples = spec.getValue();
        if (key.equals(MIN)) {
            // Conventional order: minReplicas just before maxReplicas.
            Optional<NodeTuple> max = YamlText.entry(spec, MAX);
            if (max.isPresent()) {
                yaml.insertBefore(spec, max.get(), key, rendered);
                return;
            }
        } else {
            Optional<NodeTuple> min = YamlText.entry(spec, MIN);
            if (min.isPresent()) {
                yaml.insertAfter(spec, min.get(), key, rendered);
                return;
            }
        }
        yaml.insertAfter(spec, tuples.get(tuples.size() - 1), key, rendered);
    }

    private static MappingNode spec(YamlText yaml) {
        for (Node doc : yaml.documents()) {
            if (doc instanceof MappingNode root
                    && YamlText.scalarAt(root, "kind").filter("HorizontalPodAutoscaler"::equals).isPresent()) {
                MappingNode spec = YamlText.mappingAt(root, "spec")
                        .orElseThrow(() -> new EditException("its HorizontalPodAutoscaler has no spec mapping"));
                if (spec.getValue().isEmpty()) {
                    throw new EditException("its HorizontalPodAutoscaler has an empty spec");
                }
                return spec;
            }
        }
        throw new EditException("it has no HorizontalPodAutoscaler document");
    }

    private static Optional<Integer> bound(MappingNode spec, String key) {
        Optional<NodeTuple> tuple = YamlText.entry(spec, key);
        if (tuple.isEmpty()) {
            return Optional.empty();
        }
        if (tuple.get().getValueNode() instanceof ScalarNode s && s.getValue().strip().matches("[0-9]{1,9}")) {
            return Optional.of(Integer.parseInt(s.getValue().strip()));
        }
        throw new EditException("its spec." + key + " is not a whole number");
    }
}
