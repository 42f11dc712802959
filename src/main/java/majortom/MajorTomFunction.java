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
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;
import majortom.ci.CiReplies;
import majortom.ci.CiTokens;
import majortom.command.Caller;
import majortom.command.Command;
import majortom.command.CommandParser;
import majortom.command.Verb;
import majortom.config.Configuration;
import majortom.error.CommandException;
import majortom.http.Form;
import majortom.ops.AccessControl;
import majortom.ops.FileUpdater;
import majortom.ops.ImageOperations;
import majortom.ops.ListOperations;
import majortom.ops.ScaleOperations;
import majortom.ops.Operations;
import majortom.ops.Outcome;
import majortom.ops.Pause;
import majortom.ops.Targets;
import majortom.repo.ConfigRepository;
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
    private final Duration slackBudget;
    private final ResponseUrlPoster responseUrl;
    private final CommandParser parser = new CommandParser();
    private final Operations operations;

    /** Reads the environment once; fails fast, naming the variable, when something is missing. */
    public MajorTomFunction() {
        this(Wiring.fromEnvironment(System.getenv()), Clock.systemUTC(), Pause.sleeping());
    }

    private MajorTomFunction(Wiring wiring, Clock clock, Pause pause) {
        this(wiring.configuration(), wiring.repository(), wiring.slackSecret(), wiring.ciTokens(), clock, pause,
                wiring.slackBudget());
    }

    /**
     * For tests: every port given.
     *
     * @param slackBudget how long a Slack command may run before Slack gets "working on it" and the
     *     result goes to the response_url instead
     */
    MajorTomFunction(Configuration configuration, ConfigRepository repository, byte[] slackSecret,
            CiTokens ciTokens, Clock clock, Pause pause, Duration slackBudget) {
        this.slack = new SlackSignatureVerifier(slackSecret, clock);
        this.ciTokens = ciTokens;
        this.slackBudget = slackBudget;
        this.responseUrl = new ResponseUrlPoster(Duration.ofSeconds(10));
        Targets targets = new Targets(configuration);
        FileUpdater updater = new FileUpdater(repository, pause);
        AccessControl access = new AccessControl(configuration.access());
        this.operations = new Operations(new ImageOperations(targets, updater, access),
                new ScaleOperations(targets, updater), new ListOperations(targets, repository, HISTORY_THREADS), access);
    }

    @Override
    public void service(HttpRequest request, HttpResponse response) throws IOException {
        if (!"POST".equalsIgnoreCase(request.getMethod())) {
            response.appendHeader("Allow", "POST");
            plain(response, 405, "major-tom accepts POST requests only.");
            return;
        }
        byte[] body = readBody(request);
        if (body == null) {
            plain(response, 413, "The request body is larger than major-tom accepts.");
            return;
        }
        String contentType = request.getContentType().orElse("").toLowerCase(Locale.ROOT);
        if (!contentType.startsWith("application/x-www-form-urlencoded")) {
            plain(response, 415, "Send the command as a form: Content-Type application/x-www-form-urlencoded"
                    + " with the field text, as curl -d does.");
            return;
        }
        Form form;
        try {
            form = Form.decode(body);
        } catch (IllegalArgumentException e) {
            plain(response, 400, "The form body is not properly URL-encoded.");
            return;
        }
        Optional<String> authorization = request.getFirstHeader("Authorization");
        if (authorization.isPresent()) {
            serveCi(authorization.get(), form, response);
        } else {
            serveSlack(request, body, form, response);
        }
    }

    private void serveSlack(HttpRequest request, byte[] body, Form form, HttpResponse response) throws IOException {
        if ("1".equals(form.getOrEmpty("ssl_check"))) {
            // Slack checks the certificate with this; it carries no command and nothing runs.
            response.setStatusCode(200);
            return;
        }
        if (!slack.verify(request.getFirstHeader("X-Slack-Request-Timestamp"),
                request.getFirstHeader("X-Slack-Signature"), body)) {
            response.setStatusCode(401);
            return;
        }
        String text = SlackReplies.unescape(form.getOrEmpty("text"));
        Caller caller = new Caller.SlackUser(form.getOrEmpty("user_id"), form.getOrEmpty("user_name"),
                form.getOrEmpty("channel_id"), form.getOrEmpty("channel_name"));
        String reference = reference();
        CompletableFuture<JsonObject> work = CompletableFuture.supplyAsync(
                () -> slackReply(text, caller, reference), WORKERS);
        String url = form.getOrEmpty("response_url");
        JsonObject reply;
        try {
            reply = ResponseUrlPoster.usable(url) ? work.get(slackBudget.toMillis(), TimeUnit.MILLISECONDS) : work.join();
        } catch (TimeoutException e) {
            // Slack gives up after three seconds: say so now, and post the result when it is ready.
            // On Cloud Functions this needs CPU that stays allocated after the response (function.yaml).
            work.thenAccept(late -> responseUrl.post(url, late, reference));
            reply = SlackReplies.workingOnIt(text);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reply = SlackReplies.internalError(reference);
        } catch (ExecutionException e) {
            LOG.log(Level.SEVERE, "unexpected failure, reference " + reference, e.getCause());
            reply = SlackReplies.internalError(reference);
        }
        // Slack shows only 200 responses to the user, so errors travel in the body.
        json(response, 200, reply);
    }

    private JsonObject slackReply(String text, Caller caller, String reference) {
        try {
            return SlackReplies.success(run(text, caller), caller);
        } catch (CommandException e) {
            LOG.log(Level.INFO, () -> "command refused (" + e.fault() + ") for " + caller.trailer());
            return SlackReplies.error(e, Verb.ofText(text));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "unexpected failure, reference " + reference, e);
            return SlackReplies.internalError(reference);
        }
    }

    private void serveCi(String authorization, Form form, HttpResponse response) throws IOException {
        String token = authorization.regionMatches(true, 0, "Bearer ", 0, 7) ? authorization.substring(7).strip() : "";
        Optional<String> name = token.isEmpty() ? Optional.empty() : ciTokens.nameFor(token);
        if (name.isEmpty()) {
            json(response, 401, CiReplies.failure("Unknown caller: send Authorization: Bearer <token> with a token"
                    + " from MAJOR_TOM_CI_TOKENS."));
            return;
        }
        Caller caller = new Caller.CiClient(name.get());
        String text = form.getOrEmpty("text");
        try {
            json(response, 200, CiReplies.success(run(text, caller)));
        } catch (CommandException e) {
            LOG.log(Level.INFO, () -> "command refused (" + e.fault() + ") for " + caller.trailer());
            json(response, CiReplies.status(e.fault()), CiReplies.error(e, Verb.ofText(text)));
        } catch (RuntimeException e) {
            String reference = reference();
            LOG.log(Level.SEVERE, "unexpected failure, reference " + reference, e);
            json(response, 500, CiReplies.failure("Something went wrong inside major-tom (reference " + reference
                    + "). Check the latest commits of kubernetes-configs before you retry."));
        }
    }

    private Outcome run(String text, Caller caller) {
        Command command = parser.parse(text);
        return operations.run(command, caller);
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
