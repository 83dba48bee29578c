package io.drm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.drm.DriftReport.Difference;
import io.drm.DriftReport.Kind;
import io.drm.internal.DatabaseKind;
import io.drm.internal.diff.TableFingerprint;
import io.drm.internal.schema.SchemaSnapshot;
import io.drm.spi.AuditEvent;
import io.drm.testing.DbKind;
import io.drm.testing.Migrations;
import io.drm.testing.OnEachDatabase;
import io.drm.testing.RecordingSink;
import io.drm.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/** Drift detection on every database: snapshots, schema drift, data drift, audit. */
final class DriftTest {

    @TempDir
    Path dir;

    private Migrations schema() {
        return Migrations.in(dir)
                .add("V1__create.sql", "CREATE TABLE customer (id INT NOT NULL PRIMARY KEY, name VARCHAR(100) NOT NULL,"
                        + " email VARCHAR(200), score DECIMAL(10,2) DEFAULT 0);\n"
                        + "CREATE TABLE orders (id BIGINT NOT NULL PRIMARY KEY, customer_id INT NOT NULL,"
                        + " CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES customer (id));\n"
                        + "CREATE INDEX ix_customer_name ON customer (name);\n"
                        + "CREATE UNIQUE INDEX ux_customer_email ON customer (email);\n"
                        + "CREATE VIEW customer_names AS SELECT id, name FROM customer;\n")
                .add("V2__country.sql", "CREATE TABLE country (code VARCHAR(2) NOT NULL PRIMARY KEY,"
                        + " name VARCHAR(100) NOT NULL);\n");
    }

    @OnEachDatabase
    void snapshot_is_deterministic_and_leaves_out_drm_and_flyway_tables(DbKind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind)) {
            DataRelease.plan(db.dataSource(), schema().location()).apply();
            SchemaSnapshot first;
            SchemaSnapshot second;
            try (Connection c = db.dataSource().getConnection()) {
                first = SchemaSnapshot.take(c, DatabaseKind.of(c));
                second = SchemaSnapshot.take(c, DatabaseKind.of(c));
            }
            assertThat(second.json()).isEqualTo(first.json());
            assertThat(second.sha256()).isEqualTo(first.sha256()).matches("[0-9a-f]{64}");
            var tree = new ObjectMapper().readTree(first.json());
            assertThat(tree.get("tables").fieldNames()).toIterable().containsExactly("country", "customer", "orders");
            assertThat(tree.at("/tables/customer/columns/email/type").asText()).isEqualTo("varchar(200)");
            assertThat(tree.at("/tables/customer/columns/name/nullable").asBoolean()).isFalse();
            assertThat(tree.at("/tables/customer/primaryKey/0").asText()).isEqualTo("id");
            assertThat(tree.at("/tables/orders/foreignKeys/fk_orders_customer/references").asText())
                    .isEqualTo("customer");
            assertThat(tree.at("/tables/customer/indexes/ix_customer_name/columns/0").asText()).isEqualTo("name");
            assertThat(tree.at("/views").has("customer_names")).isTrue();
            assertThat(first.json()).doesNotContain("drm_release", "flyway_schema_history");
            assertThat(db.queryLong("SELECT COUNT(*) FROM drm_schema_snapshot")).isEqualTo(1);
        }
    }

    @OnEachDatabase
    void a_normal_release_leaves_no_drift(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            RecordingSink sink = RecordingSink.recording();
            DataRelease.configure().dataSource(db.dataSource()).locations(schema().location()).auditSink(sink)
                    .plan().apply();

            DriftReport report = DataRelease.configure().dataSource(db.dataSource()).auditSink(sink).detectDrift();

            assertThat(report.isClean()).as(report.toJson()).isTrue();
            assertThat(report.expectedHash()).isEqualTo(report.actualHash());
            assertThat(sink.actions()).doesNotContain("drift.detected");
        }
    }

    @OnEachDatabase
    void manual_alters_are_named(DbKind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind)) {
            DataRelease.plan(db.dataSource(), schema().location()).apply();
            db.execute("ALTER TABLE customer ADD phone VARCHAR(30)");
            db.execute(switch (kind) {
                case POSTGRESQL -> "ALTER TABLE customer ALTER COLUMN email TYPE VARCHAR(300)";
                case MARIADB -> "ALTER TABLE customer MODIFY email VARCHAR(300)";
                default -> "ALTER TABLE customer ALTER COLUMN email SET DATA TYPE VARCHAR(300)";
            });
            db.execute(kind == DbKind.MARIADB ? "DROP INDEX ix_customer_name ON customer" : "DROP INDEX ix_customer_name");
            RecordingSink sink = RecordingSink.recording();

            DriftReport report = DataRelease.configure().dataSource(db.dataSource()).auditSink(sink).detectDrift();

            assertThat(report.isClean()).isFalse();
            assertThat(report.differences()).extracting(Difference::object, Difference::kind).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("column customer.email", Kind.CHANGED),
                    org.assertj.core.groups.Tuple.tuple("column customer.phone", Kind.ADDED),
                    org.assertj.core.groups.Tuple.tuple("index ix_customer_name", Kind.REMOVED));
            Difference email = report.differences().get(0);
            assertThat(email.expected()).contains("varchar(200)");
            assertThat(email.actual()).contains("varchar(300)");
            assertThat(report.differences().get(1).expected()).isNull();
            assertThat(report.differences().get(2).actual()).isNull();
            assertThat(new ObjectMapper().readTree(report.toJson()).get("differences")).hasSize(3);
            assertThat(sink.actions()).containsExactly("drift.detected");
            AuditEvent event = sink.events().get(0);
            assertThat(event.outcome()).isEqualTo(AuditEvent.Outcome.FAILURE);
            assertThat(event.details()).containsEntry("differences", "3");
            assertThat(event.details().get("objects")).contains("added column customer.phone");
        }
    }

    @OnEachDatabase
    void a_new_release_becomes_the_new_baseline(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations m = schema();
            DataRelease.plan(db.dataSource(), m.location()).apply();
            m.add("V3__phone.sql", "ALTER TABLE customer ADD phone VARCHAR(30);\n");
            DataRelease.plan(db.dataSource(), m.location()).apply();

            assertThat(DataRelease.configure().dataSource(db.dataSource()).detectDrift().isClean()).isTrue();
            assertThat(db.queryLong("SELECT COUNT(*) FROM drm_schema_snapshot")).isEqualTo(2);

            // up-to-date startups and applies take no snapshot
            DataRelease.configure().dataSource(db.dataSource()).locations(m.location()).onStartup();
            DataRelease.plan(db.dataSource(), m.location()).apply();
            assertThat(db.queryLong("SELECT COUNT(*) FROM drm_schema_snapshot")).isEqualTo(2);
        }
    }

    @OnEachDatabase
    void without_a_recorded_snapshot_it_is_a_coded_error(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            db.execute("CREATE TABLE t (id INT PRIMARY KEY)");
            assertThatThrownBy(() -> DataRelease.configure().dataSource(db.dataSource()).detectDrift())
                    .isInstanceOf(NoSchemaSnapshotException.class)
                    .hasMessageStartingWith("DRM-DIFF-001")
                    .hasMessageContaining("release once");
        }
    }

    @OnEachDatabase
    void data_drift_after_a_manual_edit_names_the_changed_keys(DbKind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind)) {
            DataRelease.plan(db.dataSource(), schema().location()).apply();
            db.execute("INSERT INTO country (code, name) VALUES ('DE', 'Germany'), ('FR', 'France'),"
                    + " ('JP', '日本')");
            try (Connection c = db.dataSource().getConnection()) {
                TableFingerprint.record(c, DatabaseKind.of(c), "country", List.of("code"), "countries@1", true);
            }
            assertThat(DataRelease.configure().dataSource(db.dataSource()).detectDrift().isClean()).isTrue();

            db.execute("UPDATE country SET name = 'Deutschland' WHERE code = 'DE'");
            db.execute("DELETE FROM country WHERE code = 'FR'");
            db.execute("INSERT INTO country (code, name) VALUES ('IT', 'Italy')");

            DriftReport plain = DataRelease.configure().dataSource(db.dataSource()).detectDrift();
            assertThat(plain.differences()).extracting(Difference::object, Difference::kind)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("data country", Kind.CHANGED));
            assertThat(plain.differences().get(0).expected()).startsWith("3:");

            DriftReport named = DataRelease.configure().dataSource(db.dataSource()).detectDrift(true);
            assertThat(named.differences()).extracting(Difference::object, Difference::kind).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("data country", Kind.CHANGED),
                    org.assertj.core.groups.Tuple.tuple("row country[DE]", Kind.CHANGED),
                    org.assertj.core.groups.Tuple.tuple("row country[FR]", Kind.REMOVED),
                    org.assertj.core.groups.Tuple.tuple("row country[IT]", Kind.ADDED));
        }
    }

    @OnEachDatabase
    void table_fingerprint_does_not_depend_on_insert_order(DbKind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind)) {
            db.execute("CREATE TABLE a (id INT PRIMARY KEY, v VARCHAR(10))");
            db.execute("CREATE TABLE b (id INT PRIMARY KEY, v VARCHAR(10))");
            db.execute("INSERT INTO a VALUES (1, 'x'), (2, NULL), (3, 'z')");
            db.execute("INSERT INTO b VALUES (3, 'z'), (1, 'x'), (2, NULL)");
            try (Connection c = db.dataSource().getConnection()) {
                DatabaseKind k = DatabaseKind.of(c);
                var fa = TableFingerprint.of(c, k, "a", List.of("id"));
                assertThat(TableFingerprint.of(c, k, "b", List.of("id"))).isEqualTo(fa);
                db.execute("UPDATE b SET v = '' WHERE id = 2");
                assertThat(TableFingerprint.of(c, k, "b", List.of("id"))).isNotEqualTo(fa);
            }
        }
    }
}
