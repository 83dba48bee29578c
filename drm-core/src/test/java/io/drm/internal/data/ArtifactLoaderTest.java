package io.drm.internal.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drm.ArtifactValueException;
import io.drm.internal.DatabaseKind;
import io.drm.testing.DbKind;
import io.drm.testing.OnEachDatabase;
import io.drm.testing.TestDatabase;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.List;

/** The loader on an auto-commit connection works in one transaction of its own. */
final class ArtifactLoaderTest {

    private static ArtifactFile file(String name) {
        return new ArtifactFile(ArtifactName.parse("V1__" + name + ".csv"), "0".repeat(64), -1, Manifest.NONE, null,
                List.of());
    }

    @OnEachDatabase
    void a_failure_on_an_auto_commit_connection_leaves_no_row_and_restores_auto_commit(DbKind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind)) {
            db.execute("CREATE TABLE item (id INT PRIMARY KEY, qty INT)");
            StringBuilder csv = new StringBuilder("id,qty\n");
            for (int i = 1; i <= 2500; i++) {
                csv.append(i).append(',').append(i == 2400 ? "lots" : String.valueOf(i)).append('\n');
            }
            try (Connection c = db.dataSource().getConnection()) {
                c.setAutoCommit(true);
                ArtifactLoader loader = new ArtifactLoader(file("item"), "V1__item.csv");
                assertThatThrownBy(() -> loader.load(c, DatabaseKind.of(c),
                        new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8))))
                        .isInstanceOf(ArtifactValueException.class)
                        .hasMessageContaining("row 2400");
                assertThat(c.getAutoCommit()).isTrue();
            }
            assertThat(db.queryLong("SELECT COUNT(*) FROM item")).isZero(); // two batches were sent, then rolled back

            try (Connection c = db.dataSource().getConnection()) {
                ArtifactLoader.Counts counts = new ArtifactLoader(file("item"), "V1__item.csv").load(c,
                        DatabaseKind.of(c), new ByteArrayInputStream(csv.toString().replace("lots", "1")
                                .getBytes(StandardCharsets.UTF_8)));
                assertThat(counts.inserted()).isEqualTo(2500);
            }
            assertThat(db.queryLong("SELECT COUNT(*) FROM item")).isEqualTo(2500);
        }
    }
}
