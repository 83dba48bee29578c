package io.drm.masking;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Masker outputs are a compatibility contract: the current code gives exactly the checked-in
 * golden outputs. A failure here means an output changed; that needs a new format version (new
 * HKDF info prefix, new golden file), never an edit of the file.
 */
final class MaskerGoldenTest {

    @Test
    void every_keyed_masker_gives_the_golden_outputs() {
        List<JsonNode> golden = MaskerGolden.checkedIn();
        List<ObjectNode> current = MaskerGolden.current();

        assertThat(current).hasSameSizeAs(golden);
        for (int i = 0; i < golden.size(); i++) {
            assertThat(current.get(i)).as("golden line %d", i + 1).isEqualTo(golden.get(i));
        }
    }

    @Test
    void the_golden_file_covers_every_keyed_masker() {
        Set<String> kinds = MaskerGolden.checkedIn().stream().map(n -> n.get("masker").asText())
                .map(m -> m.contains("/") ? m.substring(0, m.indexOf('/')) : m).collect(Collectors.toCollection(TreeSet::new));
        assertThat(kinds).containsExactlyInAnyOrder("fpe", "phone", "card", "first_name", "last_name", "full_name",
                "street_address", "city", "noise", "date_shift", "token", "email", "encrypt_deterministic");
        assertThat(MaskerGolden.checkedIn()).anyMatch(n -> n.get("masker").asText().equals("card/keep_bin_last4"));
    }

    @Test
    void the_golden_inputs_read_back_as_the_values_masked() {
        // the file's text form is exact: parsing an input and masking it again gives the output
        Map<String, TypedMasker> maskers = MaskerGolden.maskers();
        for (JsonNode n : MaskerGolden.checkedIn()) {
            Object in = MaskerGolden.PARSERS.get(n.get("type").asText()).apply(n.get("in").asText());
            assertThat(MaskerGolden.line(n.get("masker").asText(), maskers.get(n.get("masker").asText()), in))
                    .as(n.toString()).isEqualTo(n);
        }
    }

    @Test
    void the_golden_file_holds_outputs_not_only_refusals() {
        List<JsonNode> golden = MaskerGolden.checkedIn();
        assertThat(golden.stream().filter(n -> n.has("out")).count()).isGreaterThan(golden.size() * 2L / 3);
        assertThat(golden).anyMatch(n -> n.has("out") && !n.get("out").asText().chars().allMatch(c -> c < 128));
    }
}
