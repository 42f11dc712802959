package majortom.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ImageTagEditorTest {

    private static final String IMG = "gcr.io/p/app";

    static Stream<Arguments> edits() {
        return Stream.of(
                Arguments.of("plain value",
                        "images:\n- name: gcr.io/p/app\n  newTag: old_1\n",
                        null, "new_2",
                        "images:\n- name: gcr.io/p/app\n  newTag: new_2\n"),
                Arguments.of("comments on and around the line survive",
                        "# header\nimages:\n  # the app\n  - name: gcr.io/p/app # main\n    newTag: old_1   # bumped by CI\n    # after\nresources:\n  - ../base\n",
                        null, "new_2",
                        "# header\nimages:\n  # the app\n  - name: gcr.io/p/app # main\n    newTag: new_2   # bumped by CI\n    # after\nresources:\n  - ../base\n"),
                Arguments.of("single quotes are kept",
                        "images:\n- name: gcr.io/p/app\n  newTag: 'old_1'\n",
                        null, "new_2",
                        "images:\n- name: gcr.io/p/app\n  newTag: 'new_2'\n"),
                Arguments.of("double quotes are kept",
                        "images:\n- name: \"gcr.io/p/app\"\n  newTag: \"old_1\"\n",
                        null, "new_2",
                        "images:\n- name: \"gcr.io/p/app\"\n  newTag: \"new_2\"\n"),
                Arguments.of("flow style",
                        "images: [{name: gcr.io/p/app, newTag: old_1}]\n",
                        null, "new_2",
                        "images: [{name: gcr.io/p/app, newTag: new_2}]\n"),
                Arguments.of("flow style without newTag",
                        "images: [{name: gcr.io/p/app, newName: gcr.io/q/app}]\n",
                        null, "new_2",
                        "images: [{name: gcr.io/p/app, newName: gcr.io/q/app, newTag: new_2}]\n"),
                Arguments.of("several images, the named one changes",
                        "images:\n- name: gcr.io/p/sidecar\n  newTag: old_1\n- name: gcr.io/p/app\n  newTag: old_1\n",
                        IMG, "new_2",
                        "images:\n- name: gcr.io/p/sidecar\n  newTag: old_1\n- name: gcr.io/p/app\n  newTag: new_2\n"),
                Arguments.of("missing newTag is inserted with the entry's indentation",
                        "images:\n  - name: gcr.io/p/app\n    newName: gcr.io/q/app # moved\nresources: []\n",
                        null, "new_2",
                        "images:\n  - name: gcr.io/p/app\n    newName: gcr.io/q/app # moved\n    newTag: new_2\nresources: []\n"),
                Arguments.of("newTag with no value",
                        "images:\n- name: gcr.io/p/app\n  newTag:\n",
                        null, "new_2",
                        "images:\n- name: gcr.io/p/app\n  newTag: new_2\n"),
                Arguments.of("newTag with no value and a comment",
                        "images:\n- name: gcr.io/p/app\n  newTag: # set me\n",
                        null, "new_2",
                        "images:\n- name: gcr.io/p/app\n  newTag: new_2 # set me\n"),
                Arguments.of("digest pin is removed",
                        "images:\n- name: gcr.io/p/app\n  newTag: old_1\n  digest: sha256:abc\nresources: []\n",
                        null, "new_2",
                        "images:\n- name: gcr.io/p/app\n  newTag: new_2\nresources: []\n"),
                Arguments.of("digest pin without newTag becomes newTag",
                        "images:\n- name: gcr.io/p/app\n  digest: sha256:abc\n",
                        null, "new_2",
                        "images:\n- name: gcr.io/p/app\n  newTag: new_2\n"),
                Arguments.of("digest pin in flow style",
                        "images: [{name: gcr.io/p/app, digest: 'sha256:abc', newTag: old_1}]\n",
                        null, "new_2",
                        "images: [{name: gcr.io/p/app, newTag: new_2}]\n"),
                Arguments.of("digest on the last line without final newline",
                        "images:\n- name: gcr.io/p/app\n  newTag: old_1\n  digest: sha256:abc",
                        null, "new_2",
                        "images:\n- name: gcr.io/p/app\n  newTag: new_2"),
                Arguments.of("CRLF line endings",
                        "images:\r\n- name: gcr.io/p/app\r\n  newTag: old_1\r\n",
                        null, "new_2",
                        "images:\r\n- name: gcr.io/p/app\r\n  newTag: new_2\r\n"),
                Arguments.of("CRLF with an inserted key",
                        "images:\r\n- name: gcr.io/p/app\r\nresources: []\r\n",
                        null, "new_2",
                        "images:\r\n- name: gcr.io/p/app\r\n  newTag: new_2\r\nresources: []\r\n"),
                Arguments.of("no final newline",
                        "images:\n- name: gcr.io/p/app\n  newTag: old_1",
                        null, "new_2",
                        "images:\n- name: gcr.io/p/app\n  newTag: new_2"),
                Arguments.of("no final newline with an inserted key",
                        "images:\n- name: gcr.io/p/app",
                        null, "new_2",
                        "images:\n- name: gcr.io/p/app\n  newTag: new_2"),
                Arguments.of("byte order mark",
                        "\uFEFFimages:\n- name: gcr.io/p/app\n  newTag: old_1\n",
                        null, "new_2",
                        "\uFEFFimages:\n- name: gcr.io/p/app\n  newTag: new_2\n"),
                Arguments.of("document markers, the images document is edited",
                        "---\napiVersion: v1\nkind: ConfigMap\n---\nimages:\n- name: gcr.io/p/app\n  newTag: old_1\n...\n",
                        null, "new_2",
                        "---\napiVersion: v1\nkind: ConfigMap\n---\nimages:\n- name: gcr.io/p/app\n  newTag: new_2\n...\n"),
                Arguments.of("non-ASCII and emoji comments before the value",
                        "# 鏡週刊 🚀🚀 deploys\nimages:\n- name: gcr.io/p/app # 🐳\n  newTag: old_1 # ✅ ok\n",
                        null, "new_2",
                        "# 鏡週刊 🚀🚀 deploys\nimages:\n- name: gcr.io/p/app # 🐳\n  newTag: new_2 # ✅ ok\n"),
                Arguments.of("emoji with an inserted key",
                        "images:\n- name: gcr.io/p/app # 🐳🐳\nresources: [] # 🚀\n",
                        null, "new_2",
                        "images:\n- name: gcr.io/p/app # 🐳🐳\n  newTag: new_2\nresources: [] # 🚀\n"),
                Arguments.of("tag 1.10 is quoted so it stays a string",
                        "images:\n- name: gcr.io/p/app\n  newTag: old_1\n",
                        null, "1.10",
                        "images:\n- name: gcr.io/p/app\n  newTag: \"1.10\"\n"),
                Arguments.of("tag on is quoted so it stays a string",
                        "images:\n- name: gcr.io/p/app\n  newTag: old_1\n",
                        null, "on",
                        "images:\n- name: gcr.io/p/app\n  newTag: \"on\"\n"),
                Arguments.of("tag 0123 is quoted so it stays a string",
                        "images:\n- name: gcr.io/p/app\n  newTag: old_1\n",
                        null, "0123",
                        "images:\n- name: gcr.io/p/app\n  newTag: \"0123\"\n"),
                Arguments.of("a numeric tag uses the file's single quotes",
                        "images:\n- name: 'gcr.io/p/app'\n  newTag: old_1\n",
                        null, "1e3",
                        "images:\n- name: 'gcr.io/p/app'\n  newTag: '1e3'\n"),
                Arguments.of("a quoted numeric tag can become plain text again, quotes kept",
                        "images:\n- name: gcr.io/p/app\n  newTag: \"1.10\"\n",
                        null, "v1.11",
                        "images:\n- name: gcr.io/p/app\n  newTag: \"v1.11\"\n"),
                Arguments.of("an unquoted number is quoted even when the text is the same",
                        "images:\n- name: gcr.io/p/app\n  newTag: 1.10\n",
                        null, "1.10",
                        "images:\n- name: gcr.io/p/app\n  newTag: \"1.10\"\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("edits")
    void setTag_editsOnlyTheTag(String name, String input, String image, String tag, String expected) {
        ImageTagEdit edit = ImageTagEditor.setTag(input, Optional.ofNullable(image), tag);
        assertEquals(expected, edit.text());
        assertTrue(edit.changed());
    }

    @Test
    void setTag_toTheSameValue_changesNothing() {
        String input = "images:\n- name: gcr.io/p/app\n  newTag: \"1.10\" # pinned\n";
        ImageTagEdit edit = ImageTagEditor.setTag(input, Optional.empty(), "1.10");
        assertFalse(edit.changed());
        assertEquals(input, edit.text());
        assertEquals(Optional.of("1.10"), edit.previousTag());
    }

    @Test
    void setTag_reportsPreviousTagAndRemovedDigest() {
        ImageTagEdit edit = ImageTagEditor.setTag(
                "images:\n- name: gcr.io/p/app\n  newTag: old_1\n  digest: sha256:abc\n", Optional.empty(), "new");
        assertEquals(Optional.of("old_1"), edit.previousTag());
        assertEquals(Optional.of("sha256:abc"), edit.removedDigest());
        assertEquals("gcr.io/p/app", edit.image());
    }

    @Test
    void setTag_withSeveralImagesAndNoName_listsThem() {
        EditException e = assertThrows(EditException.class, () -> ImageTagEditor.setTag(
                "images:\n- name: a\n  newTag: x\n- name: b\n  newTag: y\n", Optional.empty(), "new"));
        assertTrue(e.getMessage().contains("several images (a, b)"), e.getMessage());
    }

    @Test
    void setTag_withUnknownImageName_listsTheImages() {
        EditException e = assertThrows(EditException.class, () -> ImageTagEditor.setTag(
                "images:\n- name: a\n  newTag: x\n", Optional.of("gcr.io/p/app"), "new"));
        assertTrue(e.getMessage().contains("no image named gcr.io/p/app; its images are a"), e.getMessage());
    }

    @Test
    void setTag_withoutImages_isRefused() {
        assertThrows(EditException.class, () -> ImageTagEditor.setTag("resources: [a]\n", Optional.empty(), "x"));
    }

    @Test
    void setTag_onInvalidYaml_isRefused() {
        assertThrows(EditException.class, () -> ImageTagEditor.setTag("images: [\n", Optional.empty(), "x"));
    }
}
