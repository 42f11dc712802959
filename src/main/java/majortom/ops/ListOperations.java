package majortom.ops;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import majortom.command.ListHistory;
import majortom.command.ListServices;
import majortom.command.Verb;
import majortom.config.Codebase;
import majortom.config.Layout;
import majortom.config.ServiceName;
import majortom.config.Stage;
import majortom.error.UnknownTargetException;
import majortom.repo.CommitInfo;
import majortom.repo.ConfigRepository;

/**
 * {@code list}: the services of a project in a stage (from the configuration alone), or the latest
 * commits that changed a service's or repo's files in a stage.
 */
public final class ListOperations {

    /** The design's "latest eleven changes". */
    static final int HISTORY_LIMIT = 11;
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final Targets targets;
    private final ConfigRepository repository;
    private final Executor executor;

    public ListOperations(Targets targets, ConfigRepository repository, Executor executor) {
        this.targets = Objects.requireNonNull(targets, "targets");
        this.repository = Objects.requireNonNull(repository, "repository");
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    public Outcome services(ListServices command) {
        List<Codebase> all = targets.configuration().codebases();
        Set<String> projects = new TreeSet<>();
        all.forEach(c -> projects.addAll(c.projects()));
        if (!projects.contains(command.project())) {
            throw new UnknownTargetException("There is no project '" + command.project() + "'. The projects are "
                    + String.join(", ", projects) + ".");
        }
        List<Codebase> ofProject = all.stream().filter(c -> c.projects().contains(command.project()))
                .collect(Collectors.toList());
        Set<String> stages = new LinkedHashSet<>();
        for (Stage s : Stage.values()) {
            if (ofProject.stream().anyMatch(c -> c.hasStage(s))) {
                stages.add(s.label());
            }
        }
        if (!stages.contains(command.stage().label())) {
            throw new UnknownTargetException("Project " + command.project() + " has no " + command.stage()
                    + " stage; its stages are " + String.join(", ", stages) + ".");
        }
        List<String> entries = new ArrayList<>();
        for (Codebase c : ofProject) {
            if (!c.hasStage(command.stage())) {
                continue;
            }
            for (ServiceName s : c.serviceNames()) {
                if (s.project().map(command.project()::equals).orElse(true)) {
                    entries.add(s.listing());
                }
            }
        }
        entries.sort(null);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            lines.add((i + 1) + ". `" + entries.get(i) + "`");
        }
        return Outcome.text(Verb.LIST, "Services and repos of " + command.project() + " in " + command.stage()
                + ":", lines);
    }

    public Outcome history(ListHistory command) {
        Stage stage = command.stage();
        String target = command.target();
        List<String> paths = paths(target, stage);
        Map<String, CompletableFuture<List<CommitInfo>>> requests = new LinkedHashMap<>();
        for (String path : paths) {
            requests.put(path, CompletableFuture.supplyAsync(() -> repository.history(path, HISTORY_LIMIT), executor));
        }
        List<List<CommitInfo>> histories = new ArrayList<>();
        for (CompletableFuture<List<CommitInfo>> request : requests.values()) {
            histories.add(Targets.join(request));
        }
        List<CommitInfo> merged = merge(histories, HISTORY_LIMIT);
        List<HistoryLine> history = merged.stream().map(ListOperations::line)
                .collect(Collectors.toList());
        String message = history.isEmpty()
                ? "No commits have changed " + target + " in " + stage + " yet."
                : "Latest changes to " + target + " in " + stage + ", newest first:";
        return new Outcome(Verb.LIST, target + "/" + stage, false, message, List.of(), Optional.empty(),
                Optional.empty(), List.of(), history.stream().map(HistoryLine::plain).collect(Collectors.toList()),
                history);
    }

    /**
     * Merges per-file histories (each newest first) into one, newest first, without duplicates.
     *
     * <p>Commit dates have one-second resolution, so ties are common; each file's own order is then
     * kept, and a commit is not taken while a file that also holds it still has newer commits.
     */
    static List<CommitInfo> merge(List<List<CommitInfo>> histories, int limit) {
        int[] at = new int[histories.size()];
        Set<String> taken = new HashSet<>();
        List<CommitInfo> out = new ArrayList<>();
        while (out.size() < limit) {
            for (int i = 0; i < at.length; i++) {
                while (at[i] < histories.get(i).size() && taken.contains(histories.get(i).get(at[i]).sha())) {
                    at[i]++;
                }
            }
            int pick = newestHead(histories, at, true);
            if (pick < 0) {
                // Histories that contradict each other: fall back to dates alone.
                pick = newestHead(histories, at, false);
            }
            if (pick < 0) {
                break;
            }
            CommitInfo next = histories.get(pick).get(at[pick]);
            out.add(next);
            taken.add(next.sha());
            at[pick]++;
        }
        return out;
    }

    private static int newestHead(List<List<CommitInfo>> histories, int[] at, boolean keepFileOrder) {
        int pick = -1;
        for (int i = 0; i < at.length; i++) {
            if (at[i] >= histories.get(i).size() || keepFileOrder && heldBackElsewhere(histories, at, i)) {
                continue;
            }
            if (pick < 0 || histories.get(i).get(at[i]).date().isAfter(histories.get(pick).get(at[pick]).date())) {
                pick = i;
            }
        }
        return pick;
    }

    /** Whether the head of history {@code i} appears in another history behind newer commits. */
    private static boolean heldBackElsewhere(List<List<CommitInfo>> histories, int[] at, int i) {
        String sha = histories.get(i).get(at[i]).sha();
        for (int j = 0; j < at.length; j++) {
            if (j == i) {
                continue;
            }
            List<CommitInfo> other = histories.get(j);
            for (int k = at[j] + 1; k < other.size(); k++) {
                if (other.get(k).sha().equals(sha)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The files whose history makes up a target's history in a stage. */
    private List<String> paths(String target, Stage stage) {
        Optional<Codebase> repo = targets.configuration().codebase(target);
        if (repo.isPresent()) {
            Codebase c = repo.get();
            targets.stage(c, stage, s -> true);
            if (c.layout() == Layout.SINGLE) {
                return List.of(c.imageFile(stage, Optional.empty()), c.hpaFile(stage, Optional.empty(), Optional.empty()));
            }
            if (c.imagePerProject(stage)) {
                return c.projects().stream().map(p -> c.imageFile(stage, Optional.of(p))).collect(Collectors.toList());
            }
            return List.of(c.imageFile(stage, Optional.empty()));
        }
        ServiceName service = targets.serviceOrRepoMissing(target, stage);
        return List.of(service.imageFile(stage), service.hpaFile(stage));
    }

    private static HistoryLine line(CommitInfo c) {
        String title = c.message().lines().findFirst().orElse("").strip();
        String requestedBy = c.message().lines()
                .filter(l -> l.startsWith("Requested-by:"))
                .reduce((first, second) -> second)
                .map(l -> l.substring("Requested-by:".length()).strip())
                .orElse(c.author());
        String shortSha = c.sha().length() > 7 ? c.sha().substring(0, 7) : c.sha();
        return new HistoryLine(DATE.format(c.date()), shortSha, c.url(), title, requestedBy);
    }
}
