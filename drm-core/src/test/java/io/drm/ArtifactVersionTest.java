package io.drm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

final class ArtifactVersionTest {

    private static final String HASH = "1f0c" + "0".repeat(60);

    @Test
    void parses_and_prints_the_same_text() {
        ArtifactVersion v = ArtifactVersion.parse("countries@3+sha256:" + HASH);
        assertThat(v.name()).isEqualTo("countries");
        assertThat(v.version()).isEqualTo("3");
        assertThat(v.sha256()).isEqualTo(HASH);
        assertThat(v).hasToString("countries@3+sha256:" + HASH);
        assertThat(ArtifactVersion.parse(v.toString())).isEqualTo(v);
    }

    @Test
    void random_values_round_trip() {
        Random random = new Random(42);
        for (int i = 0; i < 1000; i++) {
            StringBuilder version = new StringBuilder().append(random.nextInt(1000));
            for (int p = random.nextInt(4); p > 0; p--) {
                version.append('.').append(random.nextInt(100));
            }
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            ArtifactVersion v = ArtifactVersion.of("a-" + i + "_x.y", version.toString(),
                    java.util.HexFormat.of().formatHex(bytes));
            assertThat(ArtifactVersion.parse(v.toString())).isEqualTo(v);
        }
    }

    @Test
    void orders_versions_like_flyway() {
        assertThat(ArtifactVersion.compareVersions("1.10", "1.9")).isPositive();
        assertThat(ArtifactVersion.compareVersions("1.0", "1")).isZero();
        assertThat(ArtifactVersion.compareVersions("2", "10")).isNegative();
        List<ArtifactVersion> list = new ArrayList<>();
        for (String version : List.of("1.10", "1.9", "1.2.3", "2", "1")) {
            list.add(ArtifactVersion.of("countries", version, HASH));
        }
        Collections.sort(list);
        assertThat(list).extracting(ArtifactVersion::version).containsExactly("1", "1.2.3", "1.9", "1.10", "2");
    }

    @Test
    void upper_case_hashes_are_normalised() {
        assertThat(ArtifactVersion.parse("c@1+sha256:" + HASH.toUpperCase()).sha256()).isEqualTo(HASH);
    }

    static List<String> badStrings() {
        return List.of("", "countries", "countries@3", "countries@3+sha256:abc", "@3+sha256:" + HASH,
                "coun tries@3+sha256:" + HASH, "countries@v3+sha256:" + HASH, "countries@1..2+sha256:" + HASH,
                "countries@3+md5:" + HASH, "countries@3+sha256:" + HASH + "00", "countries@3+sha256:" + "g".repeat(64));
    }

    @ParameterizedTest
    @MethodSource("badStrings")
    void bad_strings_are_refused_with_a_clear_error(String text) {
        assertThatThrownBy(() -> ArtifactVersion.parse(text))
                .isInstanceOf(InvalidArtifactVersionException.class)
                .satisfies(e -> assertThat(((DrmException) e).code().id()).isEqualTo("DRM-CORE-012"))
                .hasMessageContaining("invalid artifact version");
    }

    @Test
    void error_codes_have_the_documented_shape() {
        assertThat(ErrorCode.of("CORE", 7).id()).isEqualTo("DRM-CORE-007");
        assertThatThrownBy(() -> new ErrorCode("CORE-7")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new ChecksumMismatchException("m").getMessage()).isEqualTo("DRM-CORE-007: m");
    }
}
