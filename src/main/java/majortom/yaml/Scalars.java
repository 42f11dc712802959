package majortom.yaml;

import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Decides how a value is written so that every YAML reader, 1.1 or 1.2, reads it back as the same string.
 */
public final class Scalars {

    private static final Resolver YAML_1_1 = new Resolver();

    /** Plain scalars that the YAML 1.2 core schema (Go's yaml.v3, hence kustomize) reads as non-strings. */
    private static final Pattern YAML_1_2_NON_STRING = Pattern.compile(
            "[-+]?(0o[0-7]+|0x[0-9a-fA-F]+|[0-9]+)"
                    + "|[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?"
                    + "|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)"
                    + "|~|null|Null|NULL|true|True|TRUE|false|False|FALSE"
                    // yaml.v2 also reads single letters as booleans.
                    + "|[yYnN]");

    private Scalars() {
    }

    /** Whether {@code value}, written plain, reads back as that same string in YAML 1.1 and 1.2. */
    public static boolean plainReadsAsString(String value) {
        if (value.isEmpty()) {
            return false;
        }
        return Tag.STR.equals(YAML_1_1.resolve(NodeId.scalar, value, true))
                && !YAML_1_2_NON_STRING.matcher(value).matches();
    }

    /**
     * Writes a value with the style it replaces: quoted stays quoted, plain stays plain unless plain
     * would not read back as a string, in which case it gets {@code fallbackQuote}.
     *
     * <p>Only for values with no quote, backslash or control characters (image tags, integers),
     * which need no escaping in any style.
     */
    public static String render(String value, ScalarStyle existing, ScalarStyle fallbackQuote) {
        if (!value.matches("[A-Za-z0-9_.:/@+-]+")) {
            throw new IllegalArgumentException("value needs escaping: " + value);
        }
        ScalarStyle style = existing;
        if (style != ScalarStyle.SINGLE_QUOTED && style != ScalarStyle.DOUBLE_QUOTED) {
            style = plainReadsAsString(value) ? ScalarStyle.PLAIN : fallbackQuote;
        }
        return switch (style) {
            case SINGLE_QUOTED -> "'" + value + "'";
            case DOUBLE_QUOTED -> "\"" + value + "\"";
            case PLAIN, LITERAL, FOLDED, JSON_SCALAR_STYLE -> value;
        };
    }

    /** Whether an existing scalar written in {@code style} reads back as a string. */
    public static boolean readsAsString(String value, ScalarStyle style) {
        return style == ScalarStyle.SINGLE_QUOTED || style == ScalarStyle.DOUBLE_QUOTED
                || plainReadsAsString(value);
    }
}
