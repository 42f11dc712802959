package majortom.ops;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import majortom.cluster.ClusterReader;
import majortom.cluster.ClusterUnavailable;
import majortom.cluster.Workload;
import majortom.command.Info;
import majortom.command.Verb;
import majortom.config.ClusterTarget;
import majortom.config.Codebase;
import majortom.config.ServiceName;
import majortom.config.Stage;
import majortom.repo.ConfigRepository;
import majortom.repo.FileSnapshot;
import majortom.yaml.EditException;
import majortom.yaml.HpaEdit;
import majortom.yaml.HpaEditor;
import majortom.yaml.ImageRef;
import majortom.yaml.ImageTagEditor;

/**
 * {@code info}: for each service of the target, what the cluster of its project and stage runs beside
 * what git says, with any drift flagged. Files and cluster objects are read in parallel.
 */
public final class InfoOperations {

    private final Targets targets;
    private final ConfigRepository repository;
    private final Supplier<ClusterReader> clusters;
    private final Executor executor;

    /** @param clusters made on first use, so no cluster client loads for other commands */
    public InfoOperations(Targets targets, ConfigRepository repository, Supplier<ClusterReader> clusters,
            Executor executor) {
        this.targets = Objects.requireNonNull(targets, "targets");
        this.repository = Objects.requireNonNull(repository, "repository");
        this.clusters = Objects.requireNonNull(clusters, "clusters");
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    public Outcome info(Info command) {
        Stage stage = command.stage();
        List<ServiceName> services = services(command.target(), stage);
        Set<String> paths = new LinkedHashSet<>();
        services.forEach(s -> {
            paths.add(s.imageFile(stage));
            paths.add(s.hpaFile(stage));
        });
        Map<String, CompletableFuture<Optional<FileSnapshot>>> files = new LinkedHashMap<>();
        paths.forEach(p -> files.put(p, CompletableFuture.supplyAsync(() -> repository.read(p), executor)));
        List<CompletableFuture<List<String>>> blocks = new ArrayList<>();
        for (ServiceName s : services) {
            blocks.add(CompletableFuture.supplyAsync(() -> block(s, stage, files), executor));
        }
        List<String> lines = new ArrayList<>();
        for (CompletableFuture<List<String>> block : blocks) {
            lines.addAll(Targets.join(block));
        }
        return Outcome.text(Verb.INFO, command.target() + " in " + stage + ":", lines);
    }

    private List<String> block(ServiceName service, Stage stage, Map<String, CompletableFuture<Optional<FileSnapshot>>> files) {
        Codebase codebase = service.codebase();
        Optional<ImageRef> image = Targets.join(files.get(service.imageFile(stage))).map(f -> readImage(f, codebase));
        Optional<HpaEdit> hpa = Targets.join(files.get(service.hpaFile(stage))).map(f -> readHpa(f));
        Optional<String> project = service.project().or(() -> codebase.projects().stream()
                .filter(p -> targets.configuration().cluster(p, stage).isPresent()).findFirst())
                .or(() -> Optional.of(codebase.projects().get(0)));
        Optional<ClusterTarget> target = targets.configuration().cluster(project.orElseThrow(), stage);

        List<String> lines = new ArrayList<>();
        String gitTag = image.map(InfoOperations::describe).orElse("no image entry");
        String gitHpa = hpa.map(h -> "min " + h.previousMin().orElse(1) + ", max " + h.previousMax().map(String::valueOf)
                .orElse("?")).orElse("no hpa.yaml");
        if (target.isEmpty()) {
            lines.add("*" + service.name() + "*: no cluster is configured for " + project.orElseThrow() + " in " + stage
                    + ", so this is git alone.");
            lines.add("\u2022 image (git): " + gitTag);
            lines.add("\u2022 autoscaling (git): " + gitHpa);
            return lines;
        }
        ClusterTarget t = target.get();
        lines.add("*" + service.name() + "*: cluster " + t.clusterName() + ", namespace " + t.namespace());
        Optional<Workload> workload;
        try {
            workload = clusters.get().read(t, service.name());
        } catch (ClusterUnavailable e) {
            lines.add("\u2022 cluster: " + e.getMessage());
            lines.add("\u2022 image (git): " + gitTag);
            lines.add("\u2022 autoscaling (git): " + gitHpa);
            return lines;
        }
        if (workload.isEmpty()) {
            lines.add("\u2022 cluster: there is no Deployment named " + service.name() + " in namespace " + t.namespace()
                    + " of " + t.clusterName() + ".");
            lines.add("\u2022 image (git): " + gitTag);
            lines.add("\u2022 autoscaling (git): " + gitHpa);
            return lines;
        }
        Workload w = workload.get();
        List<String> running = image.map(i -> runningTags(w, i.repository())).orElse(List.of());
        lines.add("\u2022 image: cluster runs " + (running.isEmpty() ? String.join(", ", w.images()) : String.join(", ", running))
                + "; git says " + gitTag);
        Workload.Replicas r = w.replicas();
        lines.add("\u2022 replicas: desired " + r.desired() + ", updated " + r.updated() + ", ready " + r.ready()
                + ", available " + r.available());
        lines.add("\u2022 autoscaling: cluster " + w.autoscaler().map(a -> "min " + a.min() + ", max " + a.max()
                + " (current " + a.current() + ", desired " + a.desired() + ")").orElse("has no HPA") + "; git "
                + (hpa.isPresent() ? "says " + gitHpa : "has no hpa.yaml"));
        drift(image, running, hpa, w).forEach(d -> lines.add("\u26a0 drift: " + d));
        return lines;
    }

    /** Differences between git and the cluster, each a sentence. */
    static List<String> drift(Optional<ImageRef> image, List<String> running, Optional<HpaEdit> hpa, Workload w) {
        List<String> drift = new ArrayList<>();
        if (image.isPresent() && image.get().digest().isEmpty() && image.get().tag().isPresent()) {
            String tag = image.get().tag().get();
            if (!running.contains(tag)) {
                drift.add("git says " + tag + ", cluster runs " + (running.isEmpty() ? "no " + image.get().repository()
                        + " image" : String.join(", ", running)) + "; the rollout is pending or failed.");
            }
        }
        if (hpa.isPresent() && w.autoscaler().isPresent()) {
            int gitMin = hpa.get().previousMin().orElse(1);
            Optional<Integer> gitMax = hpa.get().previousMax();
            Workload.Autoscaler a = w.autoscaler().get();
            if (gitMin != a.min() || gitMax.map(m -> m != a.max()).orElse(false)) {
                drift.add("git says min " + gitMin + ", max " + gitMax.map(String::valueOf).orElse("?")
                        + ", cluster has min " + a.min() + ", max " + a.max() + "; the HPA change is not applied yet.");
            }
        } else if (hpa.isPresent()) {
            drift.add("git has an hpa.yaml but the cluster has no HPA named " + w.name() + ".");
        } else if (w.autoscaler().isPresent()) {
            drift.add("the cluster has an HPA that git does not have.");
        }
        return drift;
    }

    /** The tags (or digests) the cluster runs for the image repository that git sets. */
    static List<String> runningTags(Workload w, String repository) {
        List<String> tags = new ArrayList<>();
        for (String image : w.images()) {
            int at = image.indexOf('@');
            int colon = image.lastIndexOf(':');
            boolean tagged = colon > image.lastIndexOf('/');
            String repo = at >= 0 ? image.substring(0, at) : tagged ? image.substring(0, colon) : image;
            if (repo.equals(repository)) {
                tags.add(at >= 0 ? image.substring(at + 1) : tagged ? image.substring(colon + 1) : "latest");
            }
        }
        return tags;
    }

    private static String describe(ImageRef image) {
        return image.digest().map(d -> "digest " + d).orElse(image.tag().orElse("no tag"));
    }

    private static ImageRef readImage(FileSnapshot file, Codebase codebase) {
        try {
            return ImageTagEditor.read(file.content(), codebase.image());
        } catch (EditException e) {
            return new ImageRef("(unreadable: " + e.getMessage() + ")", Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    private static HpaEdit readHpa(FileSnapshot file) {
        try {
            return HpaEditor.read(file.content());
        } catch (EditException e) {
            return new HpaEdit(file.content(), false, Optional.empty(), Optional.empty());
        }
    }

    /** A service by name, or every service of a repo. */
    private List<ServiceName> services(String target, Stage stage) {
        Optional<Codebase> repo = targets.configuration().codebase(target);
        if (repo.isPresent()) {
            targets.stage(repo.get(), stage, s -> true);
            return repo.get().serviceNames();
        }
        return List.of(targets.serviceOrRepoMissing(target, stage));
    }

}
