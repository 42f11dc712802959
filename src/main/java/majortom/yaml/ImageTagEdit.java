package majortom.yaml;

import java.util.Objects;
import java.util.Optional;

/**
 * The result of setting an image tag: the new text, and what was there before.
 *
 * @param image the {@code name} of the images entry that was edited
 * @param previousTag the tag before the edit; empty when the entry had none
 * @param removedDigest the digest pin that was removed so that kustomize uses the tag
 */
public record ImageTagEdit(String text, boolean changed, String image, Optional<String> previousTag,
        Optional<String> removedDigest) {

    public ImageTagEdit {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(previousTag, "previousTag");
        Objects.requireNonNull(removedDigest, "removedDigest");
    }
}
