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
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checksums that changed on the tool's side are re-recorded; edited files are still refused;
 * Liquibase histories are imported; out-of-order migrations run where allowed.
 */
final class HistoryRepairTest {

    @TempDir
    Path dir;

    private static String q(DbKind kind) {
        return kind == DbKind.MARIADB ? "`" : "\"";
    }

    @OnEachDatabase
    void a_checksum_rewritten_in_the_history_is_healed_and_audited(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations m = Migrations.in(dir).standard();
            RecordingSink sink = RecordingSink.recording();
            DataRelease.Builder builder = DataRelease.configure().dataSource(db.dataSource()).locations(m.location())
                    .auditSink(sink);
            builder.onStartup();
            String q = q(kind);
            String original = db.queryStrings("SELECT " + q + "checksum" + q + " FROM " + db.history() + " WHERE "
                    + q + "version" + q + " = '2'").get(0);
            // What a Flyway upgrade that computes checksums differently looks like: the file is unchanged.
            db.execute("UPDATE " + db.history() + " SET " + q + "checksum" + q + " = 424242 WHERE " + q + "version" + q
                    + " = '2'");

            ReleaseResult result = builder.onStartup();

            assertThat(result.upToDate()).isTrue();
            assertThat(db.queryStrings("SELECT " + q + "checksum" + q + " FROM " + db.history() + " WHERE " + q
                    + "version" + q + " = '2'")).containsExactly(original);
            List<AuditEvent> healed = sink.events().stream().filter(e -> e.action().equals("history.rechecksummed"))
                    .collect(Collectors.toList());
            assertThat(healed).hasSize(1);
            assertThat(healed.get(0).details()).containsEntry("version", "2")
                    .containsEntry("script", "V2__insert_customer.sql").containsEntry("fromChecksum", "424242")
                    .containsEntry("toChecksum", original);

            m.add("V4__add_phone.sql", "ALTER TABLE customer ADD phone VARCHAR(30);\n");
            assertThat(builder.onStartup().appliedSteps()).extracting(AppliedStep::version).containsExactly("4");
        }
    }

    @OnEachDatabase
    void an_edited_file_is_still_refused(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations m = Migrations.in(dir).standard();
            DataRelease.Builder builder = DataRelease.configure().dataSource(db.dataSource()).locations(m.location());
            builder.onStartup();
            m.add("V2__insert_customer.sql", "INSERT INTO customer (id, name) VALUES (1, 'Grace');\n");

            assertThatThrownBy(builder::onStartup).isInstanceOf(ChecksumMismatchException.class)
                    .hasMessageContaining("migration 2").hasMessageContaining("was changed after it was applied");
            assertThat(db.queryLong("SELECT COUNT(*) FROM drm_release WHERE status = 'SUCCEEDED'")).isEqualTo(1);
        }
    }

    @OnEachDatabase
    void a_liquibase_changelog_is_imported_and_drm_continues(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            String ts = kind == DbKind.MARIADB ? "DATETIME" : "TIMESTAMP";
            // As Liquibase 4 creates and fills it.
            db.execute("CREATE TABLE DATABASECHANGELOG (ID VARCHAR(255) NOT NULL, AUTHOR VARCHAR(255) NOT NULL,"
                    + " FILENAME VARCHAR(255) NOT NULL, DATEEXECUTED " + ts + " NOT NULL, ORDEREXECUTED INT NOT NULL,"
                    + " EXECTYPE VARCHAR(10) NOT NULL, MD5SUM VARCHAR(35), DESCRIPTION VARCHAR(255),"
                    + " COMMENTS VARCHAR(255), TAG VARCHAR(255), LIQUIBASE VARCHAR(20), CONTEXTS VARCHAR(255),"
                    + " LABELS VARCHAR(255), DEPLOYMENT_ID VARCHAR(10))");
            db.execute("CREATE TABLE DATABASECHANGELOGLOCK (ID INT NOT NULL PRIMARY KEY, LOCKED BOOLEAN NOT NULL,"
                    + " LOCKGRANTED " + ts + ", LOCKEDBY VARCHAR(255))");
            db.execute("CREATE TABLE customer (id INT PRIMARY KEY, name VARCHAR(100))");
            db.execute("INSERT INTO customer (id, name) VALUES (1, 'Ada')");
            db.execute("INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, EXECTYPE,"
                    + " MD5SUM, DESCRIPTION, LIQUIBASE, DEPLOYMENT_ID) VALUES ('1', 'ada', 'db/changelog.xml',"
                    + " TIMESTAMP '2024-01-02 03:04:05', 1, 'EXECUTED', '9:0f3b1e4f6a0c3d2b1a9e8d7c6b5a4f3e',"
                    + " 'createTable tableName=customer', '4.29.2', '4523100001')");
            db.execute("INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, EXECTYPE,"
                    + " MD5SUM, DESCRIPTION, LIQUIBASE, DEPLOYMENT_ID) VALUES ('2', 'grace', 'db/changelog.xml',"
                    + " TIMESTAMP '2024-01-03 03:04:05', 2, 'EXECUTED', '9:aa3b1e4f6a0c3d2b1a9e8d7c6b5a4f3e',"
                    + " 'insert tableName=customer', '4.29.2', '4523100002')");
            Migrations m = Migrations.in(dir).standard(); // V1, V2 stand for the changesets; V3 is new
            DataRelease.Builder builder = DataRelease.configure().dataSource(db.dataSource()).locations(m.location())
                    .importLiquibase("2");

            ReleaseResult result = builder.onStartup();

            assertThat(result.appliedSteps()).extracting(AppliedStep::version).containsExactly("3");
            assertThat(db.queryLong("SELECT COUNT(*) FROM customer")).isEqualTo(1);
            assertThat(db.queryStrings("SELECT change_id || ':' || author || ':' || checksum || ':' || deployment_id"
                    .replace(" || ", kind == DbKind.MARIADB ? ", " : " || ").replace("SELECT ", kind == DbKind.MARIADB
                            ? "SELECT CONCAT(" : "SELECT ") + (kind == DbKind.MARIADB ? ")" : "")
                    + " FROM drm_imported_history ORDER BY seq"))
                    .containsExactly("1:ada:9:0f3b1e4f6a0c3d2b1a9e8d7c6b5a4f3e:4523100001",
                            "2:grace:9:aa3b1e4f6a0c3d2b1a9e8d7c6b5a4f3e:4523100002");
            assertThat(db.queryStrings("SELECT to_version FROM drm_release WHERE status = 'IMPORTED'"))
                    .containsExactly("2");
            assertThat(db.appliedVersions()).containsExactly("2", "3");

            m.add("V4__add_phone.sql", "ALTER TABLE customer ADD phone VARCHAR(30);\n");
            assertThat(builder.onStartup().appliedSteps()).extracting(AppliedStep::version).containsExactly("4");
            assertThat(db.queryLong("SELECT COUNT(*) FROM drm_imported_history")).isEqualTo(2);
        }
    }

    @OnEachDatabase
    void a_liquibase_changelog_with_a_failed_changeset_is_not_imported(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            db.execute("CREATE TABLE DATABASECHANGELOG (ID VARCHAR(255) NOT NULL, AUTHOR VARCHAR(255) NOT NULL,"
                    + " FILENAME VARCHAR(255) NOT NULL, ORDEREXECUTED INT NOT NULL, EXECTYPE VARCHAR(10) NOT NULL,"
                    + " MD5SUM VARCHAR(35))");
            db.execute("INSERT INTO DATABASECHANGELOG VALUES ('7', 'ada', 'db/changelog.xml', 1, 'FAILED', NULL)");
            Migrations m = Migrations.in(dir).standard();

            assertThatThrownBy(() -> DataRelease.configure().dataSource(db.dataSource()).locations(m.location())
                    .importLiquibase("2").plan())
                    .isInstanceOf(LiquibaseImportException.class)
                    .hasMessageContaining("DRM-CORE-041").hasMessageContaining("db/changelog.xml::7::ada");
            assertThat(db.tableExists("flyway_schema_history")).isFalse();
        }
    }

    @OnEachDatabase
    void a_late_merged_lower_version_runs_out_of_order_only_where_allowed(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations m = Migrations.in(dir)
                    .add("V1__create_customer.sql", "CREATE TABLE customer (id INT PRIMARY KEY);\n")
                    .add("V3__create_orders.sql", "CREATE TABLE orders (id INT PRIMARY KEY);\n");
            RecordingSink sink = RecordingSink.recording();
            DataRelease.configure().dataSource(db.dataSource()).locations(m.location()).onStartup();
            m.add("V2__create_invoice.sql", "CREATE TABLE invoice (id INT PRIMARY KEY);\n");

            assertThatThrownBy(() -> DataRelease.configure().dataSource(db.dataSource()).locations(m.location())
                    .environment("prod").outOfOrder("dev").onStartup())
                    .isInstanceOf(ValidationException.class).hasMessageContaining("outOfOrder(\"prod\")");

            ReleaseResult result = DataRelease.configure().dataSource(db.dataSource()).locations(m.location())
                    .environment("dev").outOfOrder("dev").auditSink(sink).onStartup();

            assertThat(result.appliedSteps()).extracting(AppliedStep::version).containsExactly("2");
            assertThat(db.tableExists("invoice")).isTrue();
            assertThat(db.queryStrings("SELECT status FROM drm_release_step WHERE version = '2'"))
                    .containsExactly("OUT_OF_ORDER");
            assertThat(sink.events().stream().filter(e -> e.action().equals("migration.applied")))
                    .singleElement().satisfies(e -> assertThat(e.details()).containsEntry("outOfOrder", "true")
                            .containsEntry("version", "2"));
        }
    }
}
