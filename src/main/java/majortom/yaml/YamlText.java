package majortom.yaml;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.DumperOptions.FlowStyle;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML file's text with its node tree, edited by splicing characters, never by re-serialising.
 *
 * <p>Node positions come from SnakeYAML's marks, which count code points; they are converted to
 * UTF-16 offsets before any splice, so an emoji in a comment cannot shift an edit. Everything
 * outside the spliced ranges (comments, quotes, order, blank lines, line endings, a BOM, the final
 * newline) is left exactly as it was.
 */
final class YamlText {

    private final String text;
    private final int bom;
    private final int[] utf16OfCodePoint;
    private final List<Node> documents;
    private final String lineBreak;
    private final List<Splice> splices = new ArrayList<>();

    private record Splice(int start, int end, String replacement) {
    }

    private YamlText(String text) {
        this.text = text;
        this.bom = text.startsWith("\uFEFF") ? 1 : 0;
        String body = text.substring(bom);
        int codePoints = body.codePointCount(0, body.length());
        this.utf16OfCodePoint = new int[codePoints + 1];
        int utf16 = 0;
        for (int cp = 0; cp < codePoints; cp++) {
            utf16OfCodePoint[cp] = utf16;
            utf16 += Character.charCount(body.codePointAt(utf16));
        }
        utf16OfCodePoint[codePoints] = utf16;
        this.documents = compose(body);
        this.lineBreak = text.contains("\r\n") ? "\r\n" : "\n";
    }

    static YamlText parse(String text) {
        return new YamlText(text);
    }

    private static List<Node> compose(String body) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        List<Node> docs = new ArrayList<>();
        try {
            for (Node node : new Yaml(options).composeAll(new StringReader(body))) {
                if (node != null) {
                    docs.add(node);
                }
            }
        } catch (YAMLException e) {
            throw new EditException("it is not valid YAML (" + firstLine(e.getMessage()) + ")");
        }
        return List.copyOf(docs);
    }

    private static String firstLine(String message) {
        String m = message == null ? "parse error" : message.strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    List<Node> documents() {
        return documents;
    }

    /** The UTF-16 offset in the original text of a SnakeYAML mark. */
    int offset(Mark mark) {
        return bom + utf16OfCodePoint[mark.getIndex()];
    }

    /** The value of a mapping's key, if the key is there. */
    static Optional<NodeTuple> entry(MappingNode map, String key) {
        return map.getValue().stream()
                .filter(t -> t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key))
                .findFirst();
    }

    static Optional<MappingNode> mappingAt(MappingNode map, String key) {
        return entry(map, key).map(NodeTuple::getValueNode)
                .filter(MappingNode.class::isInstance).map(MappingNode.class::cast);
    }

    static Optional<SequenceNode> sequenceAt(MappingNode map, String key) {
        return entry(map, key).map(NodeTuple::getValueNode)
                .filter(SequenceNode.class::isInstance).map(SequenceNode.class::cast);
    }

    static Optional<String> scalarAt(MappingNode map, String key) {
        return entry(map, key).map(NodeTuple::getValueNode)
                .filter(ScalarNode.class::isInstance).map(n -> ((ScalarNode) n).getValue());
    }

    /** Whether a tuple's value is empty, as in {@code newTag:} with nothing after the colon. */
    boolean isEmptyValue(NodeTuple tuple) {
        Node value = tuple.getValueNode();
        return value instanceof ScalarNode s && s.getScalarStyle() == ScalarStyle.PLAIN
                && offset(s.getStartMark()) == offset(s.getEndMark());
    }

    /** Replaces a tuple's scalar value with already-rendered text. */
    void replaceValue(NodeTuple tuple, String rendered) {
        if (isEmptyValue(tuple)) {
            int colon = text.indexOf(':', offset(tuple.getKeyNode().getEndMark()));
            splices.add(new Splice(colon + 1, colon + 1, " " + rendered));
            return;
        }
        Node value = tuple.getValueNode();
        splices.add(new Splice(offset(value.getStartMark()), offset(value.getEndMark()), rendered));
    }

    /**
     * Adds {@code key: rendered} to a mapping, after the tuple {@code after}, with the mapping's
     * indentation in block style and after a comma in flow style.
     */
    void insertAfter(MappingNode map, NodeTuple after, String key, String rendered) {
        int valueEnd = offset(lastScalarEnd(after.getValueNode()));
        if (map.getFlowStyle() == FlowStyle.FLOW) {
            splices.add(new Splice(valueEnd, valueEnd, ", " + key + ": " + rendered));
            return;
        }
        int column = map.getValue().get(0).getKeyNode().getStartMark().getColumn();
        int lineEnd = lineEnd(valueEnd);
        splices.add(new Splice(lineEnd, lineEnd, lineBreak + " ".repeat(column) + key + ": " + rendered));
    }

    /**
     * Adds {@code key: rendered} to a mapping just before the tuple {@code before}, on a line of its
     * own in block style.
     */
    void insertBefore(MappingNode map, NodeTuple before, String key, String rendered) {
        int keyStart = offset(before.getKeyNode().getStartMark());
        if (map.getFlowStyle() == FlowStyle.FLOW) {
            splices.add(new Splice(keyStart, keyStart, key + ": " + rendered + ", "));
            return;
        }
        int lineStart = lineStart(keyStart);
        if (!text.substring(lineStart, keyStart).isBlank()) {
            // The key shares its line with "- " or its parent: insert after the previous tuple instead.
            int index = map.getValue().indexOf(before);
            if (index > 0) {
                insertAfter(map, map.getValue().get(index - 1), key, rendered);
                return;
            }
            throw new EditException("there is no place to insert " + key + " in its mapping");
        }
        splices.add(new Splice(lineStart, lineStart, text.substring(lineStart, keyStart) + key + ": " + rendered
                + lineBreak));
    }

    /**
     * Where the text of a node ends: for a block collection, the end of its last scalar, since the
     * collection's own end mark may lie on a later line.
     */
    private static Mark lastScalarEnd(Node node) {
        if (node instanceof MappingNode m && m.getFlowStyle() != FlowStyle.FLOW && !m.getValue().isEmpty()) {
            return lastScalarEnd(m.getValue().get(m.getValue().size() - 1).getValueNode());
        }
        if (node instanceof SequenceNode q && q.getFlowStyle() != FlowStyle.FLOW && !q.getValue().isEmpty()) {
            return lastScalarEnd(q.getValue().get(q.getValue().size() - 1));
        }
        return node.getEndMark();
    }

    /** Removes a tuple from a mapping with its line (block style) or its comma (flow style). */
    void remove(MappingNode map, NodeTuple tuple) {
        List<NodeTuple> tuples = map.getValue();
        int index = tuples.indexOf(tuple);
        int keyStart = offset(tuple.getKeyNode().getStartMark());
        int valueEnd = offset(lastScalarEnd(tuple.getValueNode()));
        if (index == 0) {
            if (tuples.size() == 1) {
                throw new EditException("it would leave an empty mapping");
            }
            // The first key may share its line with "- " or "{": keep that, drop up to the next key.
            splices.add(new Splice(keyStart, offset(tuples.get(1).getKeyNode().getStartMark()), ""));
        } else if (map.getFlowStyle() == FlowStyle.FLOW) {
            int previousEnd = offset(lastScalarEnd(tuples.get(index - 1).getValueNode()));
            splices.add(new Splice(previousEnd, valueEnd, ""));
        } else {
            int start = lineStart(keyStart);
            int end = nextLineStart(valueEnd);
            if (end == lineEnd(valueEnd)) {
                // The last line has no line break: take the one before it instead, so the file
                // still ends without a final newline.
                start = previousLineEnd(start);
            }
            splices.add(new Splice(start, end, ""));
        }
    }

    boolean hasEdits() {
        return !splices.isEmpty();
    }

    /** The text with every splice applied. */
    String apply() {
        List<Splice> ordered = new ArrayList<>(splices);
        ordered.sort(Comparator.comparingInt(Splice::start).thenComparingInt(Splice::end));
        StringBuilder out = new StringBuilder(text.length() + 64);
        int at = 0;
        for (Splice s : ordered) {
            if (s.start() < at) {
                throw new IllegalStateException("overlapping edits at " + s.start());
            }
            out.append(text, at, s.start()).append(s.replacement());
            at = s.end();
        }
        return out.append(text, at, text.length()).toString();
    }

    /** The quote style the file already uses among these scalars, else double quotes. */
    static ScalarStyle preferredQuote(List<ScalarNode> scalars) {
        return scalars.stream().map(ScalarNode::getScalarStyle)
                .filter(s -> s == ScalarStyle.SINGLE_QUOTED || s == ScalarStyle.DOUBLE_QUOTED)
                .findFirst().orElse(ScalarStyle.DOUBLE_QUOTED);
    }

    private int lineStart(int offset) {
        int i = offset;
        while (i > 0 && text.charAt(i - 1) != '\n' && text.charAt(i - 1) != '\r') {
            i--;
        }
        return i;
    }

    private int lineEnd(int offset) {
        int i = offset;
        while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
            i++;
        }
        return i;
    }

    private int previousLineEnd(int lineStart) {
        int i = lineStart;
        if (i > 0 && text.charAt(i - 1) == '\n') {
            i--;
        }
        if (i > 0 && text.charAt(i - 1) == '\r') {
            i--;
        }
        return i;
    }

    private int nextLineStart(int offset) {
        int i = lineEnd(offset);
        if (i < text.length() && text.charAt(i) == '\r') {
            i++;
        }
        if (i < text.length() && text.charAt(i) == '\n') {
            i++;
        }
        return i;
    }
}
