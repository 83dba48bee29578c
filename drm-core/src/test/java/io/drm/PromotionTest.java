package io.drm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drm.spi.AuditEvent;
import io.drm.testing.DbKind;
import io.drm.testing.Migrations;
import io.drm.testing.OnEachDatabase;
import io.drm.testing.RecordingSink;
import io.drm.testing.TestDatabase;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import org.junit.jupiter.api.io.TempDir;

/** Promotion from staging to prod with signed attestations, accepted and refused, on every database. */
final class PromotionTest {

    @TempDir
    Path dir;

    private static KeyPair ed25519() throws Exception {
        return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    private Migrations migrations(String sub) {
        return Migrations.in(dir.resolve(sub)).add("V1__create_t.sql", "CREATE TABLE t (id INT PRIMARY KEY);\n")
                .add("V2__flags.config.json", "{\"newFlow\": true}");
    }

    /** Releases the migrations to a fresh staging database and returns its attestation. */
    private Attestation staging(DbKind kind, Migrations m, KeyPair key) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            ReleaseResult r = DataRelease.configure().dataSource(db.dataSource()).locations(m.location())
                    .environments("dev", "staging", "prod").environment("staging").attestationKey(key).plan().apply();
            return r.attestation();
        }
    }

    private DataRelease.Builder prod(TestDatabase db, Migrations m, RecordingSink sink) {
        return DataRelease.configure().dataSource(db.dataSource()).locations(m.location()).auditSink(sink)
                .environments("dev", "staging", "prod").environment("prod");
    }

    @OnEachDatabase
    void prod_accepts_the_staging_attestation_of_the_same_content(DbKind kind) throws Exception {
        KeyPair key = ed25519();
        Migrations m = migrations("a");
        Attestation att = staging(kind, m, key);
        assertThat(att.environment()).isEqualTo("staging");
        assertThat(att.steps()).extracting(Attestation.Step::version).containsExactly("1", "2");
        assertThat(att.artifacts()).singleElement().satisfies(v -> assertThat(v.name()).isEqualTo("flags"));
        assertThat(att.verify(key.getPublic())).isTrue();
        Attestation parsed = Attestation.parse(att.toJson());
        assertThat(parsed).isEqualTo(att);
        assertThat(parsed.toJson()).isEqualTo(att.toJson());

        try (TestDatabase db = TestDatabase.create(kind)) {
            RecordingSink sink = RecordingSink.recording();
            ReleaseResult r = prod(db, m, sink).promotedFrom(parsed).trustAttestationKeys(ed25519().getPublic(),
                    key.getPublic()).plan().apply();
            assertThat(r.outcome()).isEqualTo(ReleaseResult.Outcome.APPLIED);
            assertThat(sink.actions()).startsWith("promotion.accepted", "release.started");
            assertThat(r.attestation().environment()).isEqualTo("prod");
            assertThat(r.attestation().signed()).isFalse(); // prod was given no key
            assertThat(r.attestation().schemaHash()).isEqualTo(att.schemaHash());
            assertThat(r.attestation().checks()).contains("promotion-from-staging");
        }
    }

    @OnEachDatabase
    void prod_refuses_an_unknown_key_other_content_wrong_environment_a_flipped_byte_and_none(DbKind kind)
            throws Exception {
        KeyPair key = ed25519();
        Migrations m = migrations("a");
        Attestation att = staging(kind, m, key);
        PublicKey trusted = key.getPublic();

        refused(kind, m, b -> b.promotedFrom(att).trustAttestationKeys(ed25519().getPublic()),
                PromotionRefusedException.UNTRUSTED);
        refused(kind, m, b -> b.trustAttestationKeys(trusted), PromotionRefusedException.MISSING);

        String json = att.toJson();
        String flipped = json.replace("\"environment\":\"staging\"", "\"environment\":\"stagin9\"");
        assertThat(flipped).isNotEqualTo(json);
        refused(kind, m, b -> b.promotedFrom(Attestation.parse(flipped)).trustAttestationKeys(trusted),
                PromotionRefusedException.UNTRUSTED);
        int at = json.indexOf("\"signature\":\"") + 14;
        char c = json.charAt(at);
        String badSig = json.substring(0, at) + (c == 'A' ? 'B' : 'A') + json.substring(at + 1);
        refused(kind, m, b -> b.promotedFrom(Attestation.parse(badSig)).trustAttestationKeys(trusted),
                PromotionRefusedException.UNTRUSTED);

        Attestation fromDev;
        try (TestDatabase db = TestDatabase.create(kind)) {
            fromDev = DataRelease.configure().dataSource(db.dataSource()).locations(m.location())
                    .environments("dev", "staging", "prod").environment("dev").attestationKey(key).plan().apply()
                    .attestation();
        }
        refused(kind, m, b -> b.promotedFrom(fromDev).trustAttestationKeys(trusted),
                PromotionRefusedException.WRONG_ENVIRONMENT);

        Migrations other = migrations("b").add("V3__more.sql", "CREATE TABLE u (id INT PRIMARY KEY);\n");
        refused(kind, other, b -> b.promotedFrom(att).trustAttestationKeys(trusted),
                PromotionRefusedException.DIFFERENT_CONTENT);
        Migrations changed = Migrations.in(dir.resolve("c"))
                .add("V1__create_t.sql", "CREATE TABLE t (id INT PRIMARY KEY, x INT);\n")
                .add("V2__flags.config.json", "{\"newFlow\": true}");
        refused(kind, changed, b -> b.promotedFrom(att).trustAttestationKeys(trusted),
                PromotionRefusedException.DIFFERENT_CONTENT);
        Migrations otherConfig = Migrations.in(dir.resolve("d"))
                .add("V1__create_t.sql", "CREATE TABLE t (id INT PRIMARY KEY);\n")
                .add("V2__flags.config.json", "{\"newFlow\": false}");
        refused(kind, otherConfig, b -> b.promotedFrom(att).trustAttestationKeys(trusted),
                PromotionRefusedException.DIFFERENT_CONTENT);
    }

    private interface Setup {
        void apply(DataRelease.Builder b) throws Exception;
    }

    private void refused(DbKind kind, Migrations m, Setup setup, ErrorCode code) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind)) {
            RecordingSink sink = RecordingSink.recording();
            DataRelease.Builder b = prod(db, m, sink);
            setup.apply(b);
            ReleasePlan plan = b.plan();
            assertThatThrownBy(plan::apply).isInstanceOfSatisfying(PromotionRefusedException.class,
                    e -> assertThat(e.code()).isEqualTo(code));
            assertThat(sink.actions()).containsExactly("promotion.refused");
            AuditEvent refusedEvent = sink.events().get(0);
            assertThat(refusedEvent.outcome()).isEqualTo(AuditEvent.Outcome.FAILURE);
            assertThat(refusedEvent.details()).containsEntry("reason", code.id());
            // nothing written: the next plan still has every step pending
            assertThat(DataRelease.plan(db.dataSource(), m.location()).steps()).hasSize(
                    plan.steps().size());
            // the startup hook is refused too
            assertThatThrownBy(b::onStartup).isInstanceOf(PromotionRefusedException.class);
        }
    }
}
