package majortom.command;

import java.util.Objects;
import java.util.regex.Pattern;
import majortom.error.UsageException;

/**
 * A docker image tag, checked against the docker tag grammar.
 *
 * @see <a href="https://docs.docker.com/reference/cli/docker/image/tag/">docker image tag</a>
 */
public record ImageTag(String value) {

    private static final Pattern GRAMMAR = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");

    public ImageTag {
        Objects.requireNonNull(value, "value");
        if (!GRAMMAR.matcher(value).matches()) {
            throw new UsageException("'" + value + "' is not a valid image tag: a tag is 1 to 128 letters, digits,"
                    + " '_', '.' and '-', and does not start with '.' or '-'. Use the tag your build pushed,"
                    + " for example prod_81ab7ac.");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
