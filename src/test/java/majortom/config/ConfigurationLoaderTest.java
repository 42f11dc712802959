package majortom.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConfigurationLoaderTest {

    private static final String GOOD = "github:\n  repository: o/k\n  branch: main\ncodebases:\n"
            + "  - repo: openwarehouse\n    layout: multi-project\n    image: gcr.io/p/ow\n"
            + "    stages: [dev, prod]\n    projects: [tv]\n    services: [cms]\n"
            + "  - repo: nuxt\n    layout: single\n    stages: [prod]\n    projects: [tv]\n";

    @Test
    void parse_goodFile_givesTheCodebases() {
        Configuration c = ConfigurationLoader.parse(GOOD, "f.yaml");
        assertEquals(new GitHubSettings("o/k", "main"), c.github());
        assertEquals(Optional.of("gcr.io/p/ow"), c.codebase("openwarehouse").orElseThrow().image());
        assertEquals(Layout.SINGLE, c.codebase("nuxt").orElseThrow().layout());
    }

    @Test
    void parse_theShippedFunctionYaml_isValid() throws Exception {
        String text = Files.readString(Path.of("function.yaml"), StandardCharsets.UTF_8);
        Configuration c = ConfigurationLoader.parse(text, "function.yaml");
        assertEquals("mirror-media/kubernetes-configs", c.github().repository());
    }

    static Stream<Arguments> bad() {
        return Stream.of(
                Arguments.of(GOOD + "extra: 1\n", "f.yaml: extra is an unknown key"),
                Arguments.of(GOOD.replace("  branch: main\n", ""), "f.yaml: github.branch is missing."),
                Arguments.of(GOOD.replace("    image: gcr.io/p/ow\n", "    imag: gcr.io/p/ow\n"),
                        "f.yaml: codebases[0].imag is an unknown key"),
                Arguments.of(GOOD.replace("layout: single", "layout: mono"),
                        "f.yaml: codebases[1].layout is 'mono'; use single or multi-project."),
                Arguments.of(GOOD.replace("stages: [prod]", "stages: [production]"),
                        "f.yaml: codebases[1].stages has unknown stage 'production'"),
                Arguments.of(GOOD.replace("    projects: [tv]\n    services: [cms]\n", "    services: [cms]\n"),
                        "f.yaml: codebases[0].projects is missing."),
                Arguments.of(GOOD.replace("    services: [cms]\n", ""),
                        "f.yaml: codebases[0] is invalid: multi-project codebase openwarehouse needs at least one service."),
                Arguments.of("github: [", "f.yaml is not valid YAML"),
                Arguments.of(GOOD + "access:\n  rules:\n    - commands: [rollback]\n      users: [U1]\n",
                        "f.yaml: access.rules[0].commands names unknown command 'rollback'"),
                Arguments.of(GOOD + "access:\n  rules:\n    - commands: [release]\n",
                        "f.yaml: access.rules[0] allows nobody"),
                Arguments.of(GOOD + "access:\n  rules:\n    - commands: [release]\n      user: [U1]\n",
                        "f.yaml: access.rules[0].user is an unknown key"),
                Arguments.of(GOOD + "access:\n  tag-patterns:\n    prod: '^prod_[0-9a-f'\n",
                        "f.yaml: access.tag-patterns.prod is not a valid regular expression."),
                Arguments.of(GOOD + "access:\n  tag-patterns:\n    production: 'x'\n",
                        "f.yaml: access.tag-patterns.production is not a stage"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("bad")
    void parse_badFile_namesTheKeyAndTheFile(String text, String message) {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> ConfigurationLoader.parse(text, "f.yaml"));
        assertEquals(true, e.getMessage().startsWith(message), e.getMessage());
    }
}
