package majortom;

import com.google.cloud.functions.HttpFunction;
import com.google.cloud.functions.HttpRequest;
import com.google.cloud.functions.HttpResponse;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.function.Supplier;
import majortom.ci.CiReplies;
import majortom.ci.CiTokens;
import majortom.cluster.ClusterReader;
import majortom.command.Caller;
import majortom.command.Command;
import majortom.command.CommandParser;
import majortom.command.Verb;
import majortom.config.Configuration;
import majortom.error.CommandException;
import majortom.http.Form;
import majortom.log.RequestLog;
import majortom.ops.AccessControl;
import majortom.ops.CommandResult;
import majortom.ops.FileUpdater;
import majortom.ops.ImageOperations;
import majortom.ops.InfoOperations;
import majortom.ops.ListOperations;
import majortom.ops.Operations;
import majortom.ops.Outcome;
import majortom.ops.Pause;
import majortom.ops.ScaleOperations;
import majortom.ops.Targets;
import majortom.repo.ConfigRepository;
import majortom.repo.CountingRepository;
import majortom.slack.ResponseUrlPoster;
import majortom.slack.SlackReplies;
import majortom.slack.SlackSignatureVerifier;

/**
 * The Cloud Function: verifies the caller (a Slack signature or a CI bearer token), parses the
 * command text and answers with the outcome. It only wires the parts together.
 *
 * @see <a href="https://api.slack.com/interactivity/slash-commands">Slack slash commands</a>
 * @see <a href="https://cloud.google.com/functions/docs/writing/write-http-functions">Writing HTTP functions</a>
 */
public final class MajorTomFunction implements HttpFunction {

    private static final Logger LOG = Logger.getLogger(MajorTomFunction.class.getName());
    private static final Gson GSON = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();
    private static final int MAX_BODY = 64 * 1024;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** For list's parallel history requests: a few daemon threads, so an idle instance holds nothing. */
    private static final ExecutorService HISTORY_THREADS = daemonThreads("major-tom-history");
    /** Runs Slack commands, so that the request thread can answer within Slack's budget. */
    private static final ExecutorService WORKERS = daemonThreads("major-tom-worker");

    private final SlackSignatureVerifier slack;
    private final CiTokens ciTokens;
    private final CommandParser parser = new CommandParser();
    private final Configuration configuration;
    private final ConfigRepository repository;
    private final Clock clock;
    private final Pause pause;
    private final Duration slackBudget;
    private final Lazy<ClusterReader> clusters;
    private final ResponseUrlPoster responseUrl = new ResponseUrlPoster(Duration.ofSeconds(10));

    /** Reads the environment once; fails fast, naming the variable, when something is missing. */
    public MajorTomFunction() {
        this(Wiring.fromEnvironment(System.getenv()), Clock.systemUTC(), Pause.sleeping());
    }

    private MajorTomFunction(Wiring wiring, Clock clock, Pause pause) {
        this(wiring.configuration(), wiring.repository(), wiring.slackSecret(), wiring.ciTokens(), clock, pause,
                wiring.slackBudget(), wiring.clusters());
    }

    /**
     * For tests: every port given.
     *
     * @param slackBudget how long a Slack command may run before Slack gets "working on it" and the
     *     result goes to the response_url instead
     * @param clusters the cluster reader, made on the first {@code info} only
     */
    MajorTomFunction(Configuration configuration, ConfigRepository repository, byte[] slackSecret,
            CiTokens ciTokens, Clock clock, Pause pause, Duration slackBudget, Supplier<ClusterReader> clusters) {
        this.clusters = new Lazy<>(clusters);
        this.slack = new SlackSignatureVerifier(slackSecret, clock);
        this.ciTokens = ciTokens;
        this.configuration = configuration;
        this.repository = repository;
        this.clock = clock;
        this.pause = pause;
        this.slackBudget = slackBudget;
    }

    @Override
    public void service(HttpRequest request, HttpResponse response) throws IOException {
        long started = System.nanoTime();
        if (!"POST".equalsIgnoreCase(request.getMethod())) {
            response.appendHeader("Allow", "POST");
            logRefused(started, "http", "method_not_allowed");
            plain(response, 405, "major-tom accepts POST requests only.");
            return;
        }
        byte[] body = readBody(request);
        if (body == null) {
            plain(response, 413, "The request body is larger than major-tom accepts.");
            logRefused(started, "http", "bad_request");
            return;
        }
        String contentType = request.getContentType().orElse("").toLowerCase(Locale.ROOT);
        if (!contentType.startsWith("application/x-www-form-urlencoded")) {
            plain(response, 415, "Send the command as a form: Content-Type application/x-www-form-urlencoded"
                    + " with the field text, as curl -d does.");
            logRefused(started, "http", "bad_request");
            return;
        }
        Form form;
        try {
            form = Form.decode(body);
        } catch (IllegalArgumentException e) {
            plain(response, 400, "The form body is not properly URL-encoded.");
            logRefused(started, "http", "bad_request");
            return;
        }
        Optional<String> authorization = request.getFirstHeader("Authorization");
        if (authorization.isPresent()) {
            serveCi(authorization.get(), form, response, started);
        } else {
            serveSlack(request, body, form, response, started);
        }
    }

    private void serveSlack(HttpRequest request, byte[] body, Form form, HttpResponse response, long started)
            throws IOException {
        if ("1".equals(form.getOrEmpty("ssl_check"))) {
            // Slack checks the certificate with this; it carries no command and nothing runs.
            response.setStatusCode(200);
            return;
        }
        if (!slack.verify(request.getFirstHeader("X-Slack-Request-Timestamp"),
                request.getFirstHeader("X-Slack-Signature"), body)) {
            logRefused(started, "slack", "unauthorized");
            response.setStatusCode(401);
            return;
        }
        String text = SlackReplies.unescape(form.getOrEmpty("text"));
        Caller caller = new Caller.SlackUser(form.getOrEmpty("user_id"), form.getOrEmpty("user_name"),
                form.getOrEmpty("channel_id"), form.getOrEmpty("channel_name"));
        String reference = reference();
        CompletableFuture<Run> work = CompletableFuture.supplyAsync(() -> run(text, caller, reference), WORKERS);
        String url = form.getOrEmpty("response_url");
        Run now;
        try {
            now = ResponseUrlPoster.usable(url) ? work.get(slackBudget.toMillis(), TimeUnit.MILLISECONDS) : work.join();
        } catch (TimeoutException e) {
            // Slack gives up after three seconds: say so now, and post the result when it is ready.
            // On Cloud Functions this needs CPU that stays allocated after the response (function.yaml).
            work.thenAccept(late -> {
                responseUrl.post(url, SlackReplies.render(late.result(), caller), reference);
                log(late, "slack", caller, started);
            });
            json(response, 200, SlackReplies.workingOnIt(text));
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            now = Run.failed(text, new IllegalStateException("interrupted"), 0);
        } catch (ExecutionException e) {
            now = Run.failed(text, e.getCause(), 0);
        }
        // Logged before the response goes out, so the line is written when the caller sees the reply.
        log(now, "slack", caller, started);
        // Slack shows only 200 responses to the user, so errors travel in the body.
        json(response, 200, SlackReplies.render(now.result(), caller));
    }

    private void serveCi(String authorization, Form form, HttpResponse response, long started) throws IOException {
        String token = authorization.regionMatches(true, 0, "Bearer ", 0, 7) ? authorization.substring(7).strip() : "";
        Optional<String> name = token.isEmpty() ? Optional.empty() : ciTokens.nameFor(token);
        if (name.isEmpty()) {
            logRefused(started, "ci", "unauthorized");
            json(response, 401, CiReplies.failure("Unknown caller: send Authorization: Bearer <token> with a token"
                    + " from MAJOR_TOM_CI_TOKENS."));
            return;
        }
        Caller caller = new Caller.CiClient(name.get());
        Run run = run(form.getOrEmpty("text"), caller, reference());
        log(run, "ci", caller, started);
        CommandResult result = run.result();
        if (result.outcome().isPresent()) {
            json(response, 200, CiReplies.success(result.outcome().get()));
        } else if (result.error().isPresent()) {
            CommandException e = result.error().get();
            json(response, CiReplies.status(e.fault()), CiReplies.error(e, Verb.ofText(result.text())));
        } else {
            json(response, 500, CiReplies.failure("Something went wrong inside major-tom (reference "
                    + result.reference() + "). Check the latest commits of kubernetes-configs before you retry."));
        }
    }

    private record Run(CommandResult result, int githubRequests) {
        static Run failed(String text, Throwable cause, int githubRequests) {
            String reference = reference();
            LOG.log(Level.SEVERE, "unexpected failure, reference " + reference, cause);
            return new Run(new CommandResult(text, Optional.empty(), Optional.empty(), reference), githubRequests);
        }
    }

    /** Parses and runs one command against a counting view of the repository; only this catches Exception. */
    private Run run(String text, Caller caller, String reference) {
        CountingRepository counted = new CountingRepository(repository);
        try {
            Command command = parser.parse(text);
            Outcome outcome = operations(counted).run(command, caller);
            return new Run(new CommandResult(text, Optional.of(outcome), Optional.empty(), reference), counted.calls());
        } catch (CommandException e) {
            return new Run(new CommandResult(text, Optional.empty(), Optional.of(e), reference), counted.calls());
        } catch (RuntimeException e) {
            return Run.failed(text, e, counted.calls());
        }
    }

    private Operations operations(ConfigRepository repo) {
        Targets targets = new Targets(configuration);
        FileUpdater updater = new FileUpdater(repo, pause);
        AccessControl access = new AccessControl(configuration.access());
        return new Operations(new ImageOperations(targets, updater, access), new ScaleOperations(targets, updater),
                new ListOperations(targets, repo, HISTORY_THREADS),
                new InfoOperations(targets, repo, clusters, HISTORY_THREADS), access);
    }

    private static void log(Run run, String via, Caller caller, long started) {
        CommandResult r = run.result();
        long latency = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        String command = Verb.ofText(r.text()).map(Verb::word).orElse(null);
        String severity;
        String outcome;
        String target = null;
        String message;
        if (r.outcome().isPresent()) {
            Outcome o = r.outcome().get();
            severity = "INFO";
            outcome = o.changed() ? "changed" : o.path().isPresent() ? "unchanged" : "answered";
            target = o.target().isEmpty() ? null : o.target();
            message = o.message();
        } else if (r.error().isPresent()) {
            CommandException e = r.error().get();
            severity = e.fault() == majortom.error.Fault.UPSTREAM ? "WARNING" : "INFO";
            outcome = e.fault().name().toLowerCase(Locale.ROOT);
            message = e.getMessage();
        } else {
            severity = "ERROR";
            outcome = "error";
            message = "unexpected failure, reference " + r.reference();
        }
        RequestLog.write(new RequestLog.Entry(severity, message, via, command, caller.trailer(), target, outcome,
                latency, run.githubRequests(), r.reference()));
    }

    private static void logRefused(long started, String via, String outcome) {
        long latency = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        RequestLog.write(new RequestLog.Entry("WARNING", "request refused: " + outcome, via, null, null, null, outcome,
                latency, 0, reference()));
    }

    private static byte[] readBody(HttpRequest request) throws IOException {
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(MAX_BODY + 1);
            return body.length > MAX_BODY ? null : body;
        }
    }

    private static void json(HttpResponse response, int status, JsonObject body) throws IOException {
        response.setStatusCode(status);
        response.setContentType("application/json; charset=utf-8");
        try (Writer writer = response.getWriter()) {
            writer.write(GSON.toJson(body));
        }
    }

    private static void plain(HttpResponse response, int status, String message) throws IOException {
        response.setStatusCode(status);
        response.setContentType("text/plain; charset=utf-8");
        try (Writer writer = response.getWriter()) {
            writer.write(message);
        }
    }

    private static ExecutorService daemonThreads(String name) {
        return Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    private static String reference() {
        byte[] bytes = new byte[4];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
