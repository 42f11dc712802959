package majortom.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CodebasePathsTest {

    static final Codebase MULTI = new Codebase("openwarehouse", Layout.MULTI_PROJECT, Optional.empty(),
            List.of(Stage.DEV, Stage.STAGING, Stage.PROD), List.of("tv", "readr"), List.of("cms", "gql-external"));
    static final Codebase SINGLE = new Codebase("mirror-tv-nuxt", Layout.SINGLE, Optional.empty(),
            List.of(Stage.DEV, Stage.STAGING, Stage.PROD), List.of("tv"), List.of());

    static Stream<Arguments> imageFiles() {
        return Stream.of(
                Arguments.of(MULTI, Stage.DEV, null, "openwarehouse/overlays/dev/base/kustomization.yaml"),
                Arguments.of(MULTI, Stage.STAGING, "tv", "openwarehouse/overlays/staging/base/kustomization.yaml"),
                Arguments.of(MULTI, Stage.PROD, "tv", "openwarehouse/overlays/prod/overlays/tv/base/kustomization.yaml"),
                Arguments.of(MULTI, Stage.PROD, "readr",
                        "openwarehouse/overlays/prod/overlays/readr/base/kustomization.yaml"),
                Arguments.of(SINGLE, Stage.DEV, null, "mirror-tv-nuxt/overlays/dev/kustomization.yaml"),
                Arguments.of(SINGLE, Stage.PROD, null, "mirror-tv-nuxt/overlays/prod/kustomization.yaml"),
                Arguments.of(SINGLE, Stage.PROD, "tv", "mirror-tv-nuxt/overlays/prod/kustomization.yaml"));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("imageFiles")
    void imageFile_followsTheLayout(Codebase codebase, Stage stage, String project, String path) {
        assertEquals(path, codebase.imageFile(stage, Optional.ofNullable(project)));
    }

    @Test
    void serviceNames_multiProject_areRepoProjectService() {
        assertEquals(List.of("openwarehouse-tv-cms", "openwarehouse-tv-gql-external", "openwarehouse-readr-cms",
                "openwarehouse-readr-gql-external"),
                MULTI.serviceNames().stream().map(ServiceName::name).collect(Collectors.toList()));
    }

    @Test
    void serviceNames_single_isTheRepo() {
        assertEquals(List.of("mirror-tv-nuxt"),
                SINGLE.serviceNames().stream().map(ServiceName::name).collect(Collectors.toList()));
    }
}
