package majortom.repo.github;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import majortom.config.GitHubSettings;
import majortom.error.RefusedException;
import majortom.error.UpstreamException;
import majortom.repo.CommitInfo;
import majortom.repo.CommitRef;
import majortom.repo.ConfigRepository;
import majortom.repo.FileSnapshot;
import majortom.repo.WriteResult;
import org.kohsuke.github.GHCommit;
import org.kohsuke.github.GHContent;
import org.kohsuke.github.GHContentUpdateResponse;
import org.kohsuke.github.GHFileNotFoundException;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubAbuseLimitHandler;
import org.kohsuke.github.GitHubBuilder;
import org.kohsuke.github.GitHubRateLimitHandler;
import org.kohsuke.github.HttpException;
import org.kohsuke.github.authorization.AuthorizationProvider;
import org.kohsuke.github.authorization.ImmutableAuthorizationProvider;

/**
 * kubernetes-configs on GitHub, through the Contents API: one GET to read a file, one PUT to write it.
 *
 * @see <a href="https://docs.github.com/en/rest/repos/contents">GitHub REST API: repository contents</a>
 */
public final class GitHubConfigRepository implements ConfigRepository {

    private static final DateTimeFormatter RESET_TIME =
            DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final GitHub github;
    private final GitHubSettings settings;
    private volatile GHRepository repository;

    GitHubConfigRepository(GitHub github, GitHubSettings settings) {
        this.github = github;
        this.settings = settings;
    }

    /** Connects with a token, sending nothing until the first command. */
    public static GitHubConfigRepository withToken(String apiUrl, String token, GitHubSettings settings,
            Duration connectTimeout, Duration requestTimeout) {
        return connect(apiUrl, ImmutableAuthorizationProvider.fromOauthToken(token, "major-tom"), settings,
                connectTimeout, requestTimeout);
    }

    /**
     * Connects as a GitHub App installation; the installation token is fetched on the first command
     * and renewed shortly before it expires.
     */
    public static GitHubConfigRepository withApp(String apiUrl, AppInstallationTokens tokens, GitHubSettings settings,
            Duration connectTimeout, Duration requestTimeout) {
        return connect(apiUrl, tokens, settings, connectTimeout, requestTimeout);
    }

    /**
     * Builds the client; a provider that knows its login keeps hub4j from asking {@code GET /user},
     * and the rate-limit handlers fail at once: a function must not sleep until GitHub's reset.
     */
    private static GitHubConfigRepository connect(String apiUrl, AuthorizationProvider authorization,
            GitHubSettings settings, Duration connectTimeout, Duration requestTimeout) {
        try {
            GitHub github = new GitHubBuilder()
                    .withEndpoint(apiUrl)
                    .withAuthorizationProvider(authorization)
                    .withConnector(new TimeoutConnector(connectTimeout, requestTimeout))
                    .withRateLimitHandler(GitHubRateLimitHandler.FAIL)
                    .withAbuseLimitHandler(GitHubAbuseLimitHandler.FAIL)
                    .build();
            return new GitHubConfigRepository(github, settings);
        } catch (IOException e) {
            throw new IllegalStateException("could not set up the GitHub client", e);
        }
    }

    @Override
    public Optional<FileSnapshot> read(String path) {
        GHContent content;
        try {
            content = repository().getFileContent(path, settings.branch());
        } catch (GHFileNotFoundException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw upstream("read " + path, e);
        }
        if (!content.isFile()) {
            throw new RefusedException(path + " in " + settings.repository()
                    + " is not a file, so major-tom cannot edit it; check the layout in function.yaml.");
        }
        if (!"base64".equals(content.getEncoding())) {
            throw new RefusedException(path + " is larger than the 1 MB that GitHub's contents API returns;"
                    + " edit it by hand.");
        }
        try {
            byte[] bytes = Base64.getMimeDecoder().decode(content.getEncodedContent());
            return Optional.of(new FileSnapshot(path, utf8(path, bytes), content.getSha()));
        } catch (IOException e) {
            throw upstream("read " + path, e);
        }
    }

    @Override
    public WriteResult write(FileSnapshot base, String content, String message) {
        try {
            GHContentUpdateResponse response = repository().createContent()
                    .path(base.path())
                    .branch(settings.branch())
                    .sha(base.sha())
                    .message(message)
                    // hub4j's content(String) encodes with the platform charset.
                    .content(content.getBytes(StandardCharsets.UTF_8))
                    .commit();
            String sha = response.getCommit().getSHA1();
            return new WriteResult.Committed(new CommitRef(sha, Optional.ofNullable(response.getCommit().getHtmlUrl())));
        } catch (HttpException e) {
            if (e.getResponseCode() == 409) {
                return new WriteResult.Stale();
            }
            throw upstream("write " + base.path(), e);
        } catch (IOException e) {
            throw upstream("write " + base.path(), e);
        }
    }

    /**
     * One page of the commits API for the path.
     *
     * @see <a href="https://docs.github.com/en/rest/commits/commits#list-commits">List commits</a>
     */
    @Override
    public List<CommitInfo> history(String path, int limit) {
        try {
            // Only the first page: iterating the PagedIterable would fetch every page.
            List<GHCommit> page = repository().queryCommits().path(path).from(settings.branch())
                    .pageSize(limit).list().iterator().nextPage();
            List<CommitInfo> out = new ArrayList<>();
            for (GHCommit commit : page.subList(0, Math.min(limit, page.size()))) {
                GHCommit.ShortInfo info = commit.getCommitShortInfo();
                String author = info.getAuthor() == null ? "" : info.getAuthor().getName();
                out.add(new CommitInfo(commit.getSHA1(),
                        Optional.ofNullable(commit.getHtmlUrl()).map(Object::toString),
                        info.getCommitDate().toInstant(), info.getMessage(), author == null ? "" : author));
            }
            return out;
        } catch (IOException e) {
            throw upstream("read the history of " + path, e);
        }
    }

    /** The repository handle, fetched once per instance: hub4j sends GET /repos/{owner}/{repo} for it. */
    private GHRepository repository() throws IOException {
        GHRepository r = repository;
        if (r == null) {
            synchronized (this) {
                r = repository;
                if (r == null) {
                    try {
                        r = github.getRepository(settings.repository());
                    } catch (GHFileNotFoundException e) {
                        throw new UpstreamException("GitHub has no repository " + settings.repository()
                                + ", or major-tom's token cannot see it; nothing was changed."
                                + " Ask an admin to check github.repository in function.yaml and the token's access.", e);
                    }
                    repository = r;
                }
            }
        }
        return r;
    }

    private static String utf8(String path, byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new RefusedException(path + " is not UTF-8 text, so major-tom will not edit it; edit it by hand.");
        }
    }

    private UpstreamException upstream(String what, IOException e) {
        String nothing = "; nothing was changed.";
        if (e instanceof HttpException http) {
            int code = http.getResponseCode();
            Optional<String> reset = header(http, "X-RateLimit-Reset");
            boolean exhausted = "0".equals(header(http, "X-RateLimit-Remaining").orElse(""));
            boolean retryAfter = header(http, "Retry-After").isPresent();
            if ((code == 403 || code == 429) && (exhausted || retryAfter)) {
                String when = reset.flatMap(GitHubConfigRepository::resetTime).map(t -> " until " + t).orElse("");
                return new UpstreamException("GitHub is rate-limiting major-tom" + when + nothing
                        + " Try again " + (when.isEmpty() ? "in a few minutes." : "after that."), e);
            }
            if (code == 401) {
                return new UpstreamException("GitHub refused major-tom's credentials" + nothing
                        + " Ask an admin to renew the GitHub token.", e);
            }
            if (code == 403 || code == 404) {
                return new UpstreamException("GitHub did not let major-tom " + what + " in "
                        + settings.repository() + " (HTTP " + code + ")" + nothing
                        + " Ask an admin to give the token write access to that repository.", e);
            }
            if (code == 422) {
                return new UpstreamException("GitHub rejected the change to " + settings.repository()
                        + " (HTTP 422)" + nothing + " Check that branch " + settings.branch()
                        + " exists and is not protected against direct pushes.", e);
            }
            if (code > 0) {
                return new UpstreamException("GitHub failed to " + what + " (HTTP " + code + ")" + nothing
                        + " Try again in a minute.", e);
            }
        }
        if (e instanceof GHFileNotFoundException) {
            return new UpstreamException("GitHub did not find what major-tom needs to " + what + " in "
                    + settings.repository() + " on branch " + settings.branch() + nothing
                    + " Ask an admin to check github.branch in function.yaml and the token's access.", e);
        }
        if (causedBy(e, HttpTimeoutException.class) || causedBy(e, InterruptedIOException.class)) {
            return new UpstreamException("GitHub did not answer in time" + nothing + " Try again in a minute.", e);
        }
        return new UpstreamException("major-tom could not reach GitHub" + nothing + " Try again in a minute.", e);
    }

    /** hub4j wraps transport failures (a timeout becomes an HttpException with code -1): look through. */
    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static Optional<String> header(HttpException e, String name) {
        Map<String, List<String>> headers;
        try {
            headers = e.getResponseHeaderFields();
        } catch (NullPointerException noHeaders) {
            // hub4j wraps a null map when the response carried no headers.
            return Optional.empty();
        }
        return headers.entrySet().stream()
                .filter(h -> h.getKey() != null && h.getKey().equalsIgnoreCase(name))
                .flatMap(h -> h.getValue().stream())
                .findFirst();
    }

    private static Optional<String> resetTime(String epochSeconds) {
        try {
            return Optional.of(RESET_TIME.format(Instant.ofEpochSecond(Long.parseLong(epochSeconds.strip()))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
