package majortom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import majortom.config.ConfigurationException;
import majortom.repo.github.GitHubConfigRepository;
import majortom.repo.local.LocalGitConfigRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WiringTest {

    @TempDir
    Path dir;

    @Test
    void withoutSigningSecret_startUpFailsNamingTheVariable() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> Wiring.fromEnvironment(Map.of("GITHUB_TOKEN", "t")));
        assertTrue(e.getMessage().startsWith("SLACK_SIGNING_SECRET is not set"), e.getMessage());
    }

    @Test
    void onCloudFunctionsWithoutGitHubToken_startUpFails() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> Wiring.fromEnvironment(Map.of("SLACK_SIGNING_SECRET", "s", "K_SERVICE", "major-tom")));
        assertTrue(e.getMessage().startsWith("GITHUB_TOKEN is not set"), e.getMessage());
    }

    @Test
    void malformedCiTokens_failWithoutEchoingThem() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> Wiring.fromEnvironment(
                Map.of("SLACK_SIGNING_SECRET", "s", "GITHUB_TOKEN", "t", "MAJOR_TOM_CI_TOKENS", "build:short")));
        assertTrue(e.getMessage().startsWith("MAJOR_TOM_CI_TOKENS is malformed: entry 1"), e.getMessage());
        assertFalse(e.getMessage().contains("short"));
    }

    @Test
    void missingConfigFile_failsNamingIt() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> Wiring.fromEnvironment(
                Map.of("SLACK_SIGNING_SECRET", "s", "GITHUB_TOKEN", "t", "MAJOR_TOM_CONFIG", "/nope/function.yaml")));
        assertTrue(e.getMessage().contains("/nope/function.yaml"), e.getMessage());
    }

    @Test
    void withGitHubToken_usesGitHubAndSendsNothingAtStartUp() {
        Wiring w = Wiring.fromEnvironment(Map.of("SLACK_SIGNING_SECRET", "s", "GITHUB_TOKEN", "t",
                "GITHUB_API_URL", "http://127.0.0.1:9", "MAJOR_TOM_CI_TOKENS", "build=0123456789abcdef0123"));
        assertInstanceOf(GitHubConfigRepository.class, w.repository());
        assertEquals(1, w.ciTokens().size());
    }

    @Test
    void githubApp_withoutInstallationOrKey_failsNamingTheVariable() {
        ConfigurationException noInstallation = assertThrows(ConfigurationException.class, () -> Wiring.fromEnvironment(
                Map.of("SLACK_SIGNING_SECRET", "s", "GITHUB_APP_ID", "1", "GITHUB_APP_PRIVATE_KEY", "x")));
        assertTrue(noInstallation.getMessage().startsWith("GITHUB_APP_INSTALLATION_ID is not set"));
        ConfigurationException badKey = assertThrows(ConfigurationException.class, () -> Wiring.fromEnvironment(
                Map.of("SLACK_SIGNING_SECRET", "s", "GITHUB_APP_ID", "1", "GITHUB_APP_INSTALLATION_ID", "2",
                        "GITHUB_APP_PRIVATE_KEY", "secret-looking-text")));
        assertEquals("GITHUB_APP_PRIVATE_KEY is not a PEM RSA private key (PKCS#1 or PKCS#8).", badKey.getMessage());
        ConfigurationException both = assertThrows(ConfigurationException.class, () -> Wiring.fromEnvironment(
                Map.of("SLACK_SIGNING_SECRET", "s", "GITHUB_APP_ID", "1", "GITHUB_TOKEN", "t")));
        assertTrue(both.getMessage().startsWith("GITHUB_TOKEN and GITHUB_APP_ID are both set"));
    }

    @Test
    void withoutGitHubToken_usesTheLocalSampleRepository() {
        Path local = dir.resolve("kubernetes-configs");
        Wiring w = Wiring.fromEnvironment(Map.of("SLACK_SIGNING_SECRET", "s", "MAJOR_TOM_LOCAL_REPO", local.toString()));
        assertInstanceOf(LocalGitConfigRepository.class, w.repository());
        assertTrue(Files.isDirectory(local.resolve(".git")));
    }
}
