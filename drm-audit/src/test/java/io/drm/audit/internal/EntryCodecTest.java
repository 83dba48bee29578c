package io.drm.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.drm.spi.AuditEvent;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Sealing splices the hash into the encoded body; the result must be exactly the canonical JSON. */
final class EntryCodecTest {

    @Test
    void a_sealed_entry_is_its_own_canonical_form_and_hashes_right() throws Exception {
        EntryCodec codec = new EntryCodec();
        Random random = new Random(7);
        byte[] prev = new byte[32];
        for (int n = 0; n < 2_000; n++) {
            Map<String, String> details = new TreeMap<>();
            for (int k = random.nextInt(5); k > 0; k--) {
                details.put(text(random, 8), text(random, 40));
            }
            AuditEvent event = AuditEvent.of(text(random, 36), Instant.ofEpochSecond(random.nextInt(2_000_000_000),
                    random.nextInt(1_000_000_000)), text(random, 12), "a." + text(random, 6), text(random, 8),
                    text(random, 20), AuditEvent.Outcome.values()[random.nextInt(3)], details);
            EntryCodec.Sealed sealed = codec.seal(event, n + 1, prev);
            EntryCodec.Parsed parsed = codec.parse(sealed.canonical());
            assertThat(parsed.canonical()).isEqualTo(sealed.canonical());
            assertThat(parsed.selfConsistent()).isTrue();
            assertThat(parsed.storedHash()).isEqualTo(java.util.HexFormat.of().formatHex(sealed.hash()));
            assertThat(parsed.event()).isEqualTo(event);
            assertThat(codec.quickCheck(sealed.canonical(), 0, sealed.canonical().length)).isNotNull();
            prev = sealed.hash();
        }
    }

    @Test
    void timestamps_are_formatted_exactly_as_instant_to_string() {
        EcsDocument codec = new EcsDocument(new CanonicalJson());
        Random random = new Random(11);
        long[] seconds = {0, -1, 1, 253_402_300_799L, 253_402_300_800L, -62_135_596_800L, -62_135_596_801L,
            1_764_000_000L};
        int[] nanos = {0, 1, 999_999_999, 1_000, 1_000_000, 120_000_000, 123_456_000, 123_456_789, 100};
        for (long s : seconds) {
            for (int n : nanos) {
                Instant t = Instant.ofEpochSecond(s, n);
                assertThat(codec.timestamp(t)).isEqualTo(t.toString());
            }
        }
        for (int i = 0; i < 100_000; i++) {
            Instant t = Instant.ofEpochSecond(1_700_000_000L + random.nextInt(5), random.nextInt(4) == 0 ? 0
                    : random.nextInt(1_000_000_000));
            assertThat(codec.timestamp(t)).isEqualTo(t.toString());
        }
    }

    private static String text(Random random, int max) {
        return RandomText.of(random, max);
    }
}
