package io.drm.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inclusion and consistency proofs from a stored log, exported and verified offline. */
final class AuditProofTest {

    private static final AuditSigningKey KEY = AuditSigningKey.generate(new SecureRandom());

    @TempDir
    Path dir;

    private Path log(int n, int every) {
        Path file = dir.resolve("audit.jsonl");
        try (JsonLinesAuditSink sink = JsonLinesAuditSink.builder(file).signingKey(KEY)
                .checkpointEvery(every, Duration.ofDays(1)).build()) {
            for (int i = 1; i <= n; i++) {
                sink.append(Events.event(i));
            }
        }
        return file;
    }

    @Test
    void every_entry_has_an_inclusion_proof_that_verifies_offline_from_json() {
        Path file = log(700, 300);
        AuditVerifier verifier = AuditVerifier.forFiles(file);
        Checkpoint latest = verifier.trusting(TrustedKeys.of(KEY.publicKey())).verify().latestCheckpoint();
        assertThat(latest.treeSize()).isEqualTo(700);
        for (long seq = 1; seq <= 700; seq += 37) {
            InclusionProof proof = verifier.inclusionProof(seq, latest);
            InclusionProof offline = InclusionProof.fromJson(proof.toJson());
            assertThat(offline.verify(TrustedKeys.of(AuditPublicKey.fromPem(KEY.publicKey().toPem())))).isTrue();
            assertThat(offline.entry().seq()).isEqualTo(seq);
            assertThat(offline.entry().event()).isEqualTo(Events.event((int) seq));
        }
    }

    @Test
    void an_inclusion_proof_against_an_older_checkpoint_verifies() {
        Path file = log(700, 300);
        AuditVerifier verifier = AuditVerifier.forFiles(file);
        Checkpoint older = new TamperableLog.Files1(file).checkpoints().get(0);
        assertThat(older.treeSize()).isEqualTo(300);
        assertThat(verifier.inclusionProof(299, older).verify(TrustedKeys.of(KEY.publicKey()))).isTrue();
        assertThatThrownBy(() -> verifier.inclusionProof(301, older)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_doctored_inclusion_proof_does_not_verify() {
        Path file = log(50, 50);
        AuditVerifier verifier = AuditVerifier.forFiles(file);
        Checkpoint cp = new TamperableLog.Files1(file).checkpoints().get(0);
        InclusionProof proof = verifier.inclusionProof(20, cp);
        TrustedKeys keys = TrustedKeys.of(KEY.publicKey());

        String entry = new String(proof.canonicalEntry(), StandardCharsets.UTF_8).replace("ci-bot", "ci-bat");
        assertThat(new InclusionProof(20, entry.getBytes(StandardCharsets.UTF_8), proof.path(), cp).verify(keys))
                .isFalse();
        List<byte[]> path = new ArrayList<>(proof.path());
        path.get(0)[0] ^= 1;
        assertThat(new InclusionProof(20, proof.canonicalEntry(), path, cp).verify(keys)).isFalse();
        assertThat(proof.verify(TrustedKeys.of(AuditSigningKey.generate(new SecureRandom()).publicKey()))).isFalse();
    }

    @Test
    void consecutive_checkpoints_have_consistency_proofs_that_verify_offline() {
        Path file = log(1000, 128);
        List<Checkpoint> checkpoints = new TamperableLog.Files1(file).checkpoints();
        AuditVerifier verifier = AuditVerifier.forFiles(file);
        TrustedKeys keys = TrustedKeys.of(KEY.publicKey());
        for (int i = 0; i < checkpoints.size(); i++) {
            for (int j = i; j < checkpoints.size(); j += 3) {
                ConsistencyProof proof = verifier.consistencyProof(checkpoints.get(i), checkpoints.get(j));
                assertThat(ConsistencyProof.fromJson(proof.toJson()).verify(keys)).isTrue();
            }
        }
        ConsistencyProof swapped = new ConsistencyProof(checkpoints.get(2), checkpoints.get(1), List.of());
        assertThat(swapped.verify(keys)).isFalse();
    }

    @Test
    void a_log_rewritten_after_a_checkpoint_cannot_prove_consistency_with_it() {
        Path file = log(100, 10);
        TamperableLog log = new TamperableLog.Files1(file);
        Checkpoint before = log.checkpoints().get(4);
        TamperSuiteTest.rechainAndResign(log, 30, false);
        Checkpoint after = log.checkpoints().get(log.checkpoints().size() - 1);
        ConsistencyProof proof = new ConsistencyProof(before, after,
                AuditVerifier.forFiles(file).consistencyProofPath(before.treeSize(), after.treeSize()));
        assertThat(proof.verify(TrustedKeys.of(KEY.publicKey(), TamperSuiteTest.OTHER.publicKey()))).isFalse();
        assertThatThrownBy(() -> AuditVerifier.forFiles(file).consistencyProof(before, after))
                .isInstanceOf(AuditStoreException.class).hasMessageContaining("does not match");
    }

    @Test
    void proofs_compare_by_value_and_do_not_share_their_arrays() {
        Path file = log(700, 300);
        AuditVerifier verifier = AuditVerifier.forFiles(file);
        Checkpoint latest = verifier.verify().latestCheckpoint();
        InclusionProof a = verifier.inclusionProof(20, latest);
        InclusionProof b = InclusionProof.fromJson(a.toJson());
        assertThat(b).isEqualTo(a).hasSameHashCodeAs(a);
        a.path().get(0)[0] ^= 1;
        a.canonicalEntry()[0] ^= 1;
        assertThat(a).isEqualTo(b);
        assertThat(a.verify(TrustedKeys.of(KEY.publicKey()))).isTrue();
        assertThat(verifier.inclusionProof(21, latest)).isNotEqualTo(a);

        List<Checkpoint> cps = new TamperableLog.Files1(file).checkpoints();
        ConsistencyProof c = verifier.consistencyProof(cps.get(0), cps.get(cps.size() - 1));
        ConsistencyProof d = ConsistencyProof.fromJson(c.toJson());
        assertThat(d).isEqualTo(c).hasSameHashCodeAs(c);
        assertThat(c.path()).isNotEmpty();
        c.path().get(0)[0] ^= 1;
        assertThat(c).isEqualTo(d);
        assertThat(c.verify(TrustedKeys.of(KEY.publicKey()))).isTrue();
    }

}
