package majortom.yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Sets {@code newTag} of one entry of a kustomization's {@code images:} list, changing nothing else.
 *
 * @see <a href="https://kubectl.docs.kubernetes.io/references/kustomize/kustomization/images/">kustomize images</a>
 */
public final class ImageTagEditor {

    private ImageTagEditor() {
    }

    /**
     * Sets the tag of the entry named {@code image}, or of the only entry when no name is given.
     *
     * @throws EditException when the file has no such entry, or several and no name says which
     */
    public static ImageTagEdit setTag(String text, Optional<String> image, String tag) {
        YamlText yaml = YamlText.parse(text);
        List<MappingNode> entries = imageEntries(yaml);
        MappingNode entry = choose(entries, image);
        String name = YamlText.scalarAt(entry, "name").orElseThrow();

        Optional<NodeTuple> newTag = YamlText.entry(entry, "newTag");
        Optional<NodeTuple> digest = YamlText.entry(entry, "digest");
        ScalarStyle quote = YamlText.preferredQuote(scalarsOf(entries));

        Optional<String> previous = Optional.empty();
        if (newTag.isPresent()) {
            NodeTuple tuple = newTag.get();
            if (!(tuple.getValueNode() instanceof ScalarNode current)) {
                throw new EditException("the newTag of image " + name + " is not a plain value");
            }
            boolean empty = yaml.isEmptyValue(tuple);
            previous = empty ? Optional.empty() : Optional.of(current.getValue());
            boolean same = !empty && current.getValue().equals(tag)
                    && Scalars.readsAsString(current.getValue(), current.getScalarStyle());
            if (!same) {
                yaml.replaceValue(tuple, Scalars.render(tag, current.getScalarStyle(), quote));
            }
        } else {
            NodeTuple last = lastKept(entry, digest);
            yaml.insertAfter(entry, last, "newTag", Scalars.render(tag, ScalarStyle.PLAIN, quote));
        }

        Optional<String> removedDigest = Optional.empty();
        if (digest.isPresent()) {
            yaml.remove(entry, digest.get());
            Node value = digest.get().getValueNode();
            removedDigest = Optional.of(value instanceof ScalarNode s ? s.getValue() : "");
        }
        if (!yaml.hasEdits()) {
            return new ImageTagEdit(text, false, name, previous, removedDigest);
        }
        return new ImageTagEdit(yaml.apply(), true, name, previous, removedDigest);
    }

    /** The entry as it stands, chosen as {@link #setTag} would choose it. */
    public static ImageRef read(String text, Optional<String> image) {
        YamlText yaml = YamlText.parse(text);
        MappingNode entry = choose(imageEntries(yaml), image);
        return new ImageRef(YamlText.scalarAt(entry, "name").orElseThrow(), YamlText.scalarAt(entry, "newName"),
                YamlText.scalarAt(entry, "newTag").filter(t -> !t.isEmpty()), YamlText.scalarAt(entry, "digest"));
    }

    private static List<MappingNode> imageEntries(YamlText yaml) {
        for (Node doc : yaml.documents()) {
            if (!(doc instanceof MappingNode root)) {
                continue;
            }
            Optional<SequenceNode> images = YamlText.sequenceAt(root, "images");
            if (images.isEmpty()) {
                continue;
            }
            List<MappingNode> entries = new ArrayList<>();
            for (Node item : images.get().getValue()) {
                if (item instanceof MappingNode m && YamlText.scalarAt(m, "name").isPresent()) {
                    entries.add(m);
                }
            }
            if (!entries.isEmpty()) {
                return entries;
            }
        }
        throw new EditException("it has no images: list with a named entry");
    }

    private static MappingNode choose(List<MappingNode> entries, Optional<String> image) {
        if (image.isPresent()) {
            return entries.stream()
                    .filter(e -> YamlText.scalarAt(e, "name").orElseThrow().equals(image.get()))
                    .findFirst()
                    .orElseThrow(() -> new EditException("it has no image named " + image.get()
                            + "; its images are " + names(entries)));
        }
        if (entries.size() > 1) {
            throw new EditException("it has several images (" + names(entries)
                    + ") and the configuration does not say which one to change");
        }
        return entries.get(0);
    }

    private static String names(List<MappingNode> entries) {
        return entries.stream().map(e -> YamlText.scalarAt(e, "name").orElseThrow())
                .collect(Collectors.joining(", "));
    }

    /** The tuple to insert after: the last one, unless that is the digest about to be removed. */
    private static NodeTuple lastKept(MappingNode entry, Optional<NodeTuple> digest) {
        List<NodeTuple> tuples = entry.getValue();
        for (int i = tuples.size() - 1; i >= 0; i--) {
            if (digest.isEmpty() || tuples.get(i) != digest.get()) {
                return tuples.get(i);
            }
        }
        throw new EditException("its image entry has only a digest");
    }

    private static List<ScalarNode> scalarsOf(List<MappingNode> entries) {
        List<ScalarNode> scalars = new ArrayList<>();
        for (MappingNode e : entries) {
            for (NodeTuple t : e.getValue()) {
                if (t.getValueNode() instanceof ScalarNode s) {
                    scalars.add(s);
                }
            }
        }
        return scalars;
    }
}
