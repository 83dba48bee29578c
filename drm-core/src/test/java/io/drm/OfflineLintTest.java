package io.drm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drm.testing.Migrations;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The offline check lints the locations' SQL without a database, in release order. */
final class OfflineLintTest {

    @TempDir
    Path dir;

    @Test
    void lints_every_sql_migration_in_release_order_without_a_database() {
        Migrations m = Migrations.in(dir)
                .add("V2__index.sql", "CREATE INDEX person_name ON person (name);\n")
                .add("V1__person.sql", "CREATE TABLE person (id INT PRIMARY KEY, name VARCHAR(100));\n")
                .add("V10__drop.sql", "\n-- no longer needed\nALTER TABLE legacy DROP COLUMN note;\n")
                .add("R__view.sql", "CREATE OR REPLACE VIEW names AS SELECT name FROM person;\n");

        assertThat(DataRelease.offlineCheck().locations(m.location()).lint("postgresql"))
                .extracting(Finding::rule, Finding::step, Finding::line)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("create-table", "1", 1),
                        org.assertj.core.groups.Tuple.tuple("change-to-new-table", "2", 1),
                        org.assertj.core.groups.Tuple.tuple("drop-column", "10", 3),
                        org.assertj.core.groups.Tuple.tuple("create-view", "view", 1));
    }

    @Test
    void judges_by_the_named_database() {
        Migrations m = Migrations.in(dir).add("V1__index.sql", "CREATE INDEX person_name ON person (name);\n");
        assertThat(DataRelease.offlineCheck().locations(m.location()).lint("postgresql")).extracting(Finding::rule)
                .containsExactly("create-index", "pg-index-without-concurrently");
        assertThat(DataRelease.offlineCheck().locations(m.location()).lint("mariadb")).extracting(Finding::rule)
                .containsExactly("create-index");
        assertThatThrownBy(() -> DataRelease.offlineCheck().locations(m.location()).lint("oracle"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("oracle");
    }
}
