package majortom.testing;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A stateful stand-in for the parts of GitHub's REST API that major-tom uses: it keeps file
 * contents with real git blob shas, answers 409 to a PUT with a stale sha, and records commits.
 */
public final class FakeGitHub implements ResponseDefinitionTransformerV2 {

    public static final String NAME = "fake-github";
    private static final Gson GSON = new Gson();

    /** A commit the fake holds, newest last. */
    public record Commit(String sha, String message, Instant date, String author, List<String> paths) {
    }

    private final String repository;
    private final String branch;
    private final Clock clock;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final List<Commit> commits = new CopyOnWriteArrayList<>();
    private volatile Consumer<String> beforePut = path -> { };
    private volatile String baseUrl = "http://localhost";

    public FakeGitHub(String repository, String branch, Clock clock) {
        this.repository = repository;
        this.branch = branch;
        this.clock = clock;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    public void baseUrl(String url) {
        this.baseUrl = url;
    }

    public void put(String path, String content) {
        files.put(path, content.getBytes(StandardCharsets.UTF_8));
    }

    public Optional<String> content(String path) {
        return Optional.ofNullable(files.get(path)).map(b -> new String(b, StandardCharsets.UTF_8));
    }

    public String sha(String path) {
        return blobSha(files.get(path));
    }

    public List<Commit> commits() {
        return List.copyOf(commits);
    }

    /** Runs before each PUT is checked, to let a test change the file in between (a race). */
    public void beforePut(Consumer<String> hook) {
        this.beforePut = hook;
    }

    /** Commits a change as a person would, outside major-tom. */
    public void commitByHand(String path, String content, String message, String author) {
        put(path, content);
        commitByHand(List.of(path), message, author);
    }

    /** Records a hand-made commit of several paths, without changing their content. */
    public void commitByHand(List<String> paths, String message, String author) {
        commits.add(new Commit(sha1Hex(("hand" + commits.size() + message).getBytes(StandardCharsets.UTF_8)),
                message, nextDate(), author, List.copyOf(paths)));
    }

    /** Commits are a minute apart, in the order they were made, so "newest first" is well defined. */
    private Instant nextDate() {
        return clock.instant().plusSeconds(60L * commits.size());
    }

    /** Loads the sample kubernetes-configs that ships with major-tom. */
    public FakeGitHub withSample() {
        String root = "/majortom/sample/kubernetes-configs/";
        try (InputStream index = FakeGitHub.class.getResourceAsStream(root + "files.txt")) {
            for (String line : new String(index.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String file = line.strip();
                if (file.isEmpty() || file.startsWith("#")) {
                    continue;
                }
                try (InputStream in = FakeGitHub.class.getResourceAsStream(root + file)) {
                    files.put(file, in.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        ResponseDefinition answer = answer(event);
        Integer delay = event.getResponseDefinition().getFixedDelayMilliseconds();
        // Keep a test's simulated latency: the answer is built afresh.
        return delay == null ? answer : ResponseDefinitionBuilder.like(answer).withFixedDelay(delay).build();
    }

    private ResponseDefinition answer(ServeEvent event) {
        Request request = event.getRequest();
        String url = request.getUrl();
        String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        String prefix = "/repos/" + repository;
        String method = request.getMethod().getName();
        if (method.equals("GET") && path.equals(prefix)) {
            return json(200, repositoryJson());
        }
        if (path.startsWith(prefix + "/contents/")) {
            String file = decode(path.substring((prefix + "/contents/").length()));
            if (method.equals("GET")) {
                return getContent(file, request);
            }
            if (method.equals("PUT")) {
                return putContent(file, request);
            }
        }
        if (method.equals("GET") && path.equals(prefix + "/commits")) {
            return listCommits(request);
        }
        return json(404, message("Not Found"));
    }

    private ResponseDefinition getContent(String file, Request request) {
        String ref = param(request, "ref").orElse(branch);
        byte[] bytes = files.get(file);
        if (!ref.equals(branch) || bytes == null) {
            return json(404, message("Not Found"));
        }
        return json(200, contentJson(file, bytes));
    }

    private synchronized ResponseDefinition putContent(String file, Request request) {
        JsonObject body = GSON.fromJson(request.getBodyAsString(), JsonObject.class);
        beforePut.accept(file);
        byte[] current = files.get(file);
        String sha = body.has("sha") ? body.get("sha").getAsString() : null;
        if (current != null && sha == null) {
            return json(422, message("Invalid request.\n\n\"sha\" wasn't supplied."));
        }
        if (current != null && !sha.equals(blobSha(current))) {
            return json(409, message(file + " does not match " + sha));
        }
        if (body.has("branch") && !body.get("branch").getAsString().equals(branch)) {
            return json(404, message("Branch not found"));
        }
        byte[] content = Base64.getMimeDecoder().decode(body.get("content").getAsString());
        files.put(file, content);
        String message = body.get("message").getAsString();
        String commitSha = sha1Hex((commits.size() + message + blobSha(content)).getBytes(StandardCharsets.UTF_8));
        commits.add(new Commit(commitSha, message, nextDate(), "major-tom[bot]", List.of(file)));
        JsonObject response = new JsonObject();
        response.add("content", contentJson(file, content));
        JsonObject commit = new JsonObject();
        commit.addProperty("sha", commitSha);
        commit.addProperty("html_url", "https://github.com/" + repository + "/commit/" + commitSha);
        commit.addProperty("message", message);
        response.add("commit", commit);
        return json(current == null ? 201 : 200, response);
    }

    private ResponseDefinition listCommits(Request request) {
        Optional<String> path = param(request, "path");
        int perPage = param(request, "per_page").map(Integer::parseInt).orElse(30);
        List<Commit> newestFirst = new ArrayList<>(commits);
        java.util.Collections.reverse(newestFirst);
        JsonArray out = new JsonArray();
        for (Commit c : newestFirst) {
            if (out.size() >= perPage) {
                break;
            }
            if (path.isPresent() && !c.paths().contains(path.get())) {
                continue;
            }
            out.add(commitJson(c));
        }
        return new ResponseDefinitionBuilder().withStatus(200)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(out.toString()).build();
    }

    private JsonObject commitJson(Commit c) {
        JsonObject person = new JsonObject();
        person.addProperty("name", c.author());
        person.addProperty("email", c.author() + "@example.com");
        person.addProperty("date", c.date().toString());
        JsonObject inner = new JsonObject();
        inner.add("author", person);
        inner.add("committer", person);
        inner.addProperty("message", c.message());
        JsonObject commit = new JsonObject();
        commit.addProperty("sha", c.sha());
        commit.addProperty("html_url", "https://github.com/" + repository + "/commit/" + c.sha());
        commit.addProperty("url", baseUrl + "/repos/" + repository + "/commits/" + c.sha());
        commit.add("commit", inner);
        return commit;
    }

    private JsonObject repositoryJson() {
        String[] parts = repository.split("/");
        JsonObject owner = new JsonObject();
        owner.addProperty("login", parts[0]);
        JsonObject repo = new JsonObject();
        repo.addProperty("id", 1);
        repo.addProperty("name", parts[1]);
        repo.addProperty("full_name", repository);
        repo.add("owner", owner);
        repo.addProperty("default_branch", branch);
        repo.addProperty("url", baseUrl + "/repos/" + repository);
        repo.addProperty("html_url", "https://github.com/" + repository);
        return repo;
    }

    private JsonObject contentJson(String file, byte[] bytes) {
        JsonObject c = new JsonObject();
        c.addProperty("type", "file");
        c.addProperty("encoding", "base64");
        c.addProperty("size", bytes.length);
        c.addProperty("name", file.substring(file.lastIndexOf('/') + 1));
        c.addProperty("path", file);
        c.addProperty("sha", blobSha(bytes));
        // GitHub wraps base64 at 60 characters.
        c.addProperty("content", Base64.getMimeEncoder(60, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(bytes) + "\n");
        c.addProperty("url", baseUrl + "/repos/" + repository + "/contents/" + file + "?ref=" + branch);
        return c;
    }

    private static JsonObject message(String text) {
        JsonObject m = new JsonObject();
        m.addProperty("message", text);
        m.addProperty("documentation_url", "https://docs.github.com/rest");
        return m;
    }

    private static ResponseDefinition json(int status, JsonObject body) {
        return new ResponseDefinitionBuilder().withStatus(status)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(body.toString()).build();
    }

    private static Optional<String> param(Request request, String name) {
        QueryParameter p = request.queryParameter(name);
        return p != null && p.isPresent() ? Optional.of(p.firstValue()) : Optional.empty();
    }

    private static String decode(String path) {
        return java.net.URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** Git's blob id: SHA-1 of "blob {size}\0" followed by the bytes. */
    public static String blobSha(byte[] bytes) {
        byte[] header = ("blob " + bytes.length + "\0").getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[header.length + bytes.length];
        System.arraycopy(header, 0, all, 0, header.length);
        System.arraycopy(bytes, 0, all, header.length, bytes.length);
        return sha1Hex(all);
    }

    private static String sha1Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
