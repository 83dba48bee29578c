package io.drm.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drm.spi.AuditEvent;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class AuditQueryTest {

    private static final Instant T = QueryLogs.T;

    private static AuditEntry at(Instant time) {
        return entry(QueryLogs.event(1, time, "alice", "release.started", "prod", AuditEvent.Outcome.UNKNOWN,
                "rel-A", Map.of()));
    }

    private static AuditEntry entry(AuditEvent event) {
        return new AuditEntry(1, event, AuditEntry.GENESIS, "1".repeat(64));
    }

    @Test
    void all_matches_every_entry() {
        assertThat(AuditQuery.all().matches(at(T))).isTrue();
    }

    @Test
    void from_is_inclusive() {
        AuditQuery q = AuditQuery.all().from(T);
        assertThat(q.matches(at(T))).isTrue();
        assertThat(q.matches(at(T.minusNanos(1)))).isFalse();
    }

    @Test
    void until_is_exclusive() {
        AuditQuery q = AuditQuery.all().until(T);
        assertThat(q.matches(at(T.minusNanos(1)))).isTrue();
        assertThat(q.matches(at(T))).isFalse();
    }

    @Test
    void actions_match_any_of_them() {
        AuditQuery q = AuditQuery.all().action("release.completed", "release.started");
        assertThat(q.matches(at(T))).isTrue();
        assertThat(AuditQuery.all().action("release.failed").matches(at(T))).isFalse();
    }

    @Test
    void release_id_is_the_release_id_detail() {
        assertThat(AuditQuery.all().releaseId("rel-A").matches(at(T))).isTrue();
        assertThat(AuditQuery.all().releaseId("rel-B").matches(at(T))).isFalse();
        AuditEntry none = entry(QueryLogs.event(1, T, "drm", "audit.recovered", "prod", AuditEvent.Outcome.SUCCESS,
                null, Map.of()));
        assertThat(AuditQuery.all().releaseId("rel-A").matches(none)).isFalse();
    }

    @Test
    void every_part_must_match() {
        AuditQuery q = AuditQuery.all().environment("prod").actor("alice").outcome(AuditEvent.Outcome.UNKNOWN);
        assertThat(q.matches(at(T))).isTrue();
        assertThat(q.actor("bob").matches(at(T))).isFalse();
        assertThat(q.environment("staging").matches(at(T))).isFalse();
        assertThat(q.outcome(AuditEvent.Outcome.SUCCESS).matches(at(T))).isFalse();
    }

    @Test
    void each_method_returns_a_new_query_and_leaves_the_old_one_alone() {
        AuditQuery all = AuditQuery.all();
        AuditQuery prod = all.environment("prod");
        assertThat(prod).isNotSameAs(all).isNotEqualTo(all);
        assertThat(all).isEqualTo(AuditQuery.all());
        assertThat(all.matches(entry(QueryLogs.event(1, T, "bob", "release.started", "staging",
                AuditEvent.Outcome.UNKNOWN, "rel-B", Map.of())))).isTrue();
    }

    @Test
    void until_before_from_is_refused_in_either_order() {
        assertThatThrownBy(() -> AuditQuery.all().from(T).until(T.minusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not before");
        assertThatThrownBy(() -> AuditQuery.all().until(T).from(T.plusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void an_empty_period_is_refused() {
        assertThatThrownBy(() -> AuditQuery.all().from(T).until(T)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_blank_action_is_refused() {
        assertThatThrownBy(() -> AuditQuery.all().action("release.started", " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("action");
    }

    @Test
    void no_action_at_all_is_refused() {
        assertThatThrownBy(() -> AuditQuery.all().action()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void blank_strings_are_refused() {
        assertThatThrownBy(() -> AuditQuery.all().environment("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuditQuery.all().releaseId("\t")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuditQuery.all().actor("  ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nulls_are_refused() {
        AuditQuery all = AuditQuery.all();
        assertThatThrownBy(() -> all.from(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> all.until(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> all.action((String[]) null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> all.action("a", null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> all.environment(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> all.releaseId(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> all.actor(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> all.outcome(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> all.matches(null)).isInstanceOf(NullPointerException.class);
    }
}
