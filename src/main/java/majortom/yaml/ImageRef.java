package majortom.yaml;

import java.util.Objects;
import java.util.Optional;

/**
 * An entry of a kustomization's {@code images:} as it stands: what it matches, what it renames to,
 * and the tag or digest it sets.
 */
public record ImageRef(String name, Optional<String> newName, Optional<String> tag, Optional<String> digest) {

    public ImageRef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(newName, "newName");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(digest, "digest");
    }

    /** The image repository the rendered containers use. */
    public String repository() {
        return newName.orElse(name);
    }
}
