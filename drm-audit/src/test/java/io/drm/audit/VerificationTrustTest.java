package io.drm.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.drm.testing.DbKind;
import io.drm.testing.OnEachDatabase;
import io.drm.testing.TestDatabase;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A report is ok only when trusted keys authenticate the log; intact says only that the chain holds. */
final class VerificationTrustTest {

    static final AuditSigningKey A = AuditSigningKey.generate(new SecureRandom());
    static final AuditSigningKey B = AuditSigningKey.generate(new SecureRandom());

    @TempDir
    Path dir;

    @Test
    void a_file_log_signed_by_a_is_ok_only_when_a_is_trusted() {
        Path file = dir.resolve("audit.jsonl");
        try (JsonLinesAuditSink sink = JsonLinesAuditSink.builder(file).signingKey(A).build()) {
            for (int i = 1; i <= 12; i++) {
                sink.append(Events.event(i));
            }
        }
        assertTrustReadings(AuditVerifier.forFiles(file).verify(),
                AuditVerifier.forFiles(file).trusting(TrustedKeys.of(A.publicKey())).verify(),
                AuditVerifier.forFiles(file).trusting(TrustedKeys.of(B.publicKey())).verify());
    }

    @OnEachDatabase
    void a_table_log_signed_by_a_is_ok_only_when_a_is_trusted(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            try (JdbcAuditSink sink = JdbcAuditSink.builder(db.dataSource()).signingKey(A).build()) {
                for (int i = 1; i <= 12; i++) {
                    sink.append(Events.event(i));
                }
            }
            assertTrustReadings(AuditVerifier.forTable(db.dataSource()).verify(),
                    AuditVerifier.forTable(db.dataSource()).trusting(TrustedKeys.of(A.publicKey())).verify(),
                    AuditVerifier.forTable(db.dataSource()).trusting(TrustedKeys.of(B.publicKey())).verify());
        }
    }

    @Test
    void an_unsigned_log_is_intact_but_never_ok() {
        Path file = dir.resolve("unsigned.jsonl");
        try (JsonLinesAuditSink sink = JsonLinesAuditSink.builder(file).build()) {
            sink.append(Events.event(1));
            sink.append(Events.event(2));
        }
        VerificationReport none = AuditVerifier.forFiles(file).verify();
        assertThat(none.intact()).as(none.toString()).isTrue();
        assertThat(none.ok()).as(none.toString()).isFalse();
        VerificationReport trusted = AuditVerifier.forFiles(file).trusting(TrustedKeys.of(A.publicKey())).verify();
        assertThat(trusted.ok()).as(trusted.toString()).isFalse();
        assertThat(trusted.firstProblem())
                .hasValueSatisfying(p -> assertThat(p.kind()).isEqualTo(Tampering.BAD_SIGNATURE));
    }

    @Test
    void an_empty_trusted_key_set_trusts_nothing() {
        Path file = dir.resolve("audit.jsonl");
        try (JsonLinesAuditSink sink = JsonLinesAuditSink.builder(file).signingKey(A).build()) {
            sink.append(Events.event(1));
        }
        VerificationReport report = AuditVerifier.forFiles(file).trusting(TrustedKeys.of()).verify();
        assertThat(report.ok()).as(report.toString()).isFalse();
        assertThat(report.firstProblem()).hasValueSatisfying(p -> assertThat(p.kind()).isEqualTo(Tampering.UNKNOWN_KEY));
    }

    private static void assertTrustReadings(VerificationReport none, VerificationReport withA, VerificationReport withB) {
        assertThat(none.intact()).as(none.toString()).isTrue();
        assertThat(none.ok()).as(none.toString()).isFalse();
        assertThat(none.signaturesChecked()).isFalse();
        assertThat(none.notes()).anyMatch(n -> n.contains("no trusted keys given"));
        assertThat(none.toString()).contains("intact but NOT authenticated").contains("no trusted keys");
        assertThat(none.verdict()).isEqualTo("intact, not authenticated");

        assertThat(withA.ok()).as(withA.toString()).isTrue();
        assertThat(withA.intact()).isTrue();
        assertThat(withA.verdict()).isEqualTo("ok");
        assertThat(withA.toString()).contains("authenticated (signatures checked against trusted keys)");

        assertThat(withB.ok()).as(withB.toString()).isFalse();
        assertThat(withB.firstProblem()).hasValueSatisfying(p -> assertThat(p.kind()).isEqualTo(Tampering.UNKNOWN_KEY));
    }
}
