package majortom.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.stream.Stream;
import majortom.config.Stage;
import majortom.error.CommandException;
import majortom.error.Fault;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CommandParserTest {

    private final CommandParser parser = new CommandParser();

    static Stream<Arguments> valid() {
        return Stream.of(
                Arguments.of("release openwarehouse project=tv image-tag=prod_81ab7ac",
                        new Release("openwarehouse", Optional.of("tv"), new ImageTag("prod_81ab7ac"))),
                Arguments.of("release mirror-tv-nuxt image-tag=prod_399440e",
                        new Release("mirror-tv-nuxt", Optional.empty(), new ImageTag("prod_399440e"))),
                Arguments.of("  RELEASE   mirror-tv-nuxt\u00A0image-tag=1.10  ",
                        new Release("mirror-tv-nuxt", Optional.empty(), new ImageTag("1.10"))),
                Arguments.of("release x image-tag=a project=tv",
                        new Release("x", Optional.of("tv"), new ImageTag("a"))),
                Arguments.of("deploy openwarehouse env=dev image-tag=dev_1bac23",
                        new Deploy("openwarehouse", Stage.DEV, new ImageTag("dev_1bac23"))),
                Arguments.of("deploy openwarehouse env=Staging image-tag=s",
                        new Deploy("openwarehouse", Stage.STAGING, new ImageTag("s"))),
                Arguments.of("scale openwarehouse-tv-gql-external env=prod maxReplicas=12 minReplicas=3",
                        new Scale("openwarehouse-tv-gql-external", Stage.PROD, java.util.List.of(
                                new ReplicaBound(ReplicaBound.Field.MAX_REPLICAS, 12),
                                new ReplicaBound(ReplicaBound.Field.MIN_REPLICAS, 3)))),
                Arguments.of("scale mirror-tv-nuxt env=staging minReplicas=1",
                        new Scale("mirror-tv-nuxt", Stage.STAGING, java.util.List.of(
                                new ReplicaBound(ReplicaBound.Field.MIN_REPLICAS, 1)))),
                Arguments.of("list project=tv env=staging", new ListServices("tv", Stage.STAGING)),
                Arguments.of("list openwarehouse-tv-cms env=prod", new ListHistory("openwarehouse-tv-cms", Stage.PROD)),
                Arguments.of("info openwarehouse-tv-gql-internal env=prod",
                        new Info("openwarehouse-tv-gql-internal", Stage.PROD)),
                Arguments.of("", new Help(Optional.empty())),
                Arguments.of("help", new Help(Optional.empty())),
                Arguments.of("help deploy", new Help(Optional.of(Verb.DEPLOY))));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @MethodSource("valid")
    void parse_validText_givesTheTypedCommand(String text, Command expected) {
        assertEquals(expected, parser.parse(text));
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("release", Fault.USAGE, "release needs the repo to release"),
                Arguments.of("release a b image-tag=x", Fault.USAGE, "release takes one name, but got 'a' and 'b'"),
                Arguments.of("release a", Fault.USAGE, "release needs image-tag="),
                Arguments.of("release a image-tag=", Fault.USAGE, "image-tag= has no value"),
                Arguments.of("release a project= image-tag=x", Fault.USAGE, "project= has no value"),
                Arguments.of("release a image-tag=x image-tag=y", Fault.USAGE, "image-tag= is given twice"),
                Arguments.of("release a env=prod image-tag=x", Fault.USAGE, "release does not take env="),
                Arguments.of("release a Image_Tag=x", Fault.USAGE, "Did you mean image-tag=?"),
                Arguments.of("release a =x image-tag=y", Fault.USAGE, "'=x' has no name before '='"),
                Arguments.of("release a image-tag=.x", Fault.USAGE, "'.x' is not a valid image tag"),
                Arguments.of("release a image-tag=" + "a".repeat(129), Fault.USAGE, "is not a valid image tag"),
                Arguments.of("release a image-tag=x:y", Fault.USAGE, "'x:y' is not a valid image tag"),
                Arguments.of("deploy a image-tag=x", Fault.USAGE, "deploy needs env="),
                Arguments.of("deploy a env=prod image-tag=x", Fault.REFUSED, "deploy does not change prod"),
                Arguments.of("deploy a env=PROD image-tag=x", Fault.REFUSED, "deploy does not change prod"),
                Arguments.of("deploy a env=qa image-tag=x", Fault.USAGE, "env=qa is not a stage"),
                Arguments.of("help me please", Fault.USAGE, "help takes one name"),
                Arguments.of("help x=1", Fault.USAGE, "help takes no name=value arguments"),
                Arguments.of("help rollback", Fault.USAGE, "There is no command 'rollback'"),
                Arguments.of("info env=prod", Fault.USAGE, "info needs the service or repo to show"),
                Arguments.of("info svc", Fault.USAGE, "info needs env="),
                Arguments.of("info svc env=prod project=tv", Fault.USAGE, "info does not take project="),
                Arguments.of("scale svc env=prod", Fault.USAGE, "scale needs minReplicas=, maxReplicas= or both"),
                Arguments.of("scale svc maxReplicas=3", Fault.USAGE, "scale needs env="),
                Arguments.of("scale svc env=prod maxReplicas=0", Fault.USAGE, "maxReplicas=0 is not a positive whole number"),
                Arguments.of("scale svc env=prod maxReplicas=-1", Fault.USAGE, "maxReplicas=-1 is not a positive"),
                Arguments.of("scale svc env=prod maxReplicas=2.5", Fault.USAGE, "maxReplicas=2.5 is not a positive"),
                Arguments.of("scale svc env=prod maxReplicas=lots", Fault.USAGE, "maxReplicas=lots is not a positive"),
                Arguments.of("scale svc env=prod maxreplicas=3", Fault.USAGE, "Did you mean maxReplicas=?"),
                Arguments.of("scale svc env=prod replicas=3", Fault.USAGE, "scale does not take replicas="),
                Arguments.of("scale svc env=live maxReplicas=3", Fault.USAGE, "env=live is not a stage"),
                Arguments.of("list env=prod", Fault.USAGE, "list needs project= or a service or repo name"),
                Arguments.of("list project=tv", Fault.USAGE, "list needs env="),
                Arguments.of("list svc project=tv env=prod", Fault.USAGE, "list takes either project= or a service"),
                Arguments.of("rollback", Fault.USAGE, "I don't know the command 'rollback'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void parse_invalidText_isRefusedByName(String text, Fault fault, String message) {
        CommandException e = assertThrows(CommandException.class, () -> parser.parse(text));
        assertEquals(fault, e.fault());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @MethodSource("valid")
    void canonical_parsesBackToTheSameCommand(String text, Command expected) {
        assertEquals(expected, parser.parse(expected.canonical()));
    }
}
