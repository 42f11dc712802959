package majortom.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import majortom.command.Caller;
import majortom.command.Deploy;
import majortom.command.Release;
import majortom.command.Verb;
import majortom.config.Codebase;
import majortom.config.Layout;
import majortom.config.Stage;
import majortom.error.UsageException;
import majortom.yaml.ImageTagEdit;
import majortom.yaml.ImageTagEditor;

/**
 * {@code release} and {@code deploy}: set the image tag in the kustomization that the layout names.
 */
public final class ImageOperations {

    private final Targets targets;
    private final FileUpdater updater;
    private final AccessControl access;

    public ImageOperations(Targets targets, FileUpdater updater, AccessControl access) {
        this.targets = Objects.requireNonNull(targets, "targets");
        this.access = Objects.requireNonNull(access, "access");
        this.updater = Objects.requireNonNull(updater, "updater");
    }

    public Outcome release(Release command, Caller caller) {
        Codebase codebase = targets.codebase(command.repo());
        targets.stage(codebase, Stage.PROD, s -> true);
        Optional<String> project = command.project().map(p -> targets.project(codebase, p));
        if (codebase.layout() == Layout.MULTI_PROJECT && project.isEmpty()) {
            throw new UsageException(codebase.repo() + " has a prod image per project, so release needs project="
                    + " (" + Targets.join(codebase.projects(), "or") + "), for example `release " + codebase.repo()
                    + " project=" + codebase.projects().get(0) + " image-tag=" + command.tag() + "`.");
        }
        access.checkTag(Stage.PROD, command.tag());
        String target = codebase.repo() + "/prod" + (codebase.imagePerProject(Stage.PROD)
                ? "/" + project.orElseThrow() : "");
        return setTag(Verb.RELEASE, codebase, target, codebase.imageFile(Stage.PROD, project),
                command.tag().value(), caller, command.canonical());
    }

    public Outcome deploy(Deploy command, Caller caller) {
        Codebase codebase = targets.codebase(command.repo());
        Stage stage = targets.stage(codebase, command.stage(), s -> s != Stage.PROD);
        access.checkTag(stage, command.tag());
        String target = codebase.repo() + "/" + stage;
        return setTag(Verb.DEPLOY, codebase, target, codebase.imageFile(stage, Optional.empty()),
                command.tag().value(), caller, command.canonical());
    }

    private Outcome setTag(Verb verb, Codebase codebase, String target, String path, String tag, Caller caller,
            String canonical) {
        FileUpdater.Result<ImageTagEdit> result = updater.update(path,
                text -> ImageTagEditor.setTag(text, codebase.image(), tag),
                edit -> proposal(verb, target, tag, edit),
                caller, canonical);
        ImageTagEdit edit = result.proposal();
        Change change = new Change("image-tag", edit.previousTag(), tag);
        List<String> notes = new ArrayList<>();
        edit.removedDigest().ifPresent(d -> notes.add("Removed the digest pin " + d
                + ", which kustomize would have used instead of the tag."));
        if (result.commit().isEmpty()) {
            return Outcome.edit(verb, target, target + " is already at " + tag + "; nothing to change.",
                    List.of(change), Optional.empty(), path, notes);
        }
        String sha = result.commit().get().shortSha();
        return Outcome.edit(verb, target, verb.word() + " " + target + ": " + change.describe() + " (commit " + sha + ").",
                List.of(change), result.commit(), path, notes);
    }

    private static FileUpdater.Proposal proposal(Verb verb, String target, String tag, ImageTagEdit edit) {
        Change change = new Change("image-tag", edit.previousTag(), tag);
        List<String> body = edit.removedDigest()
                .map(d -> List.of("Removed digest " + d + " so that kustomize uses the tag."))
                .orElse(List.of());
        return new FileUpdater.Proposal(edit.text(), edit.changed(),
                verb.word() + "(" + target + "): " + change.describe(), body);
    }
}
