package io.drm.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drm.spi.AuditCheckpoint;
import io.drm.spi.AuditEvent;
import io.drm.spi.AuditSink;
import io.drm.testing.RecordingSink;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class CompositeAuditSinkTest {

    @TempDir
    Path dir;

    private static final AuditSink BROKEN = event -> {
        throw new IllegalStateException("disk full");
    };

    @Test
    void every_sink_gets_every_event_in_order() {
        RecordingSink a = RecordingSink.recording();
        RecordingSink b = RecordingSink.recording();
        CompositeAuditSink sink = CompositeAuditSink.builder().required(a).optional(b).build();
        sink.append(Events.event(1));
        sink.append(Events.event(2));
        assertThat(a.events()).containsExactly(Events.event(1), Events.event(2));
        assertThat(b.events()).containsExactly(Events.event(1), Events.event(2));
    }

    @Test
    void a_failing_required_sink_fails_the_append_and_says_who_already_has_the_event() {
        RecordingSink a = RecordingSink.recording();
        CompositeAuditSink sink = CompositeAuditSink.of(a, BROKEN);
        assertThatThrownBy(() -> sink.append(Events.event(1)))
                .isInstanceOf(AuditStoreException.class)
                .hasMessageContaining(AuditStoreException.CODE.id())
                .hasMessageContaining("required audit sink #2")
                .hasMessageContaining("disk full")
                .hasMessageContaining("already recorded by #1");
    }

    @Test
    void a_failing_optional_sink_is_logged_and_the_event_still_counts() {
        RecordingSink a = RecordingSink.recording();
        CompositeAuditSink sink = CompositeAuditSink.builder().optional(BROKEN).required(a).build();
        sink.append(Events.event(1));
        assertThat(a.events()).hasSize(1);
    }

    @Test
    void the_checkpoint_is_the_first_required_sinks_and_close_closes_every_sink() {
        Path file = dir.resolve("audit.jsonl");
        JsonLinesAuditSink files = JsonLinesAuditSink.open(file);
        AuditSink other = new AuditSink() {
            @Override
            public void append(AuditEvent event) {
            }

            @Override
            public Optional<AuditCheckpoint> checkpoint() {
                throw new IllegalStateException("not this one");
            }
        };
        CompositeAuditSink sink = CompositeAuditSink.builder().optional(other).required(files).build();
        sink.append(Events.event(1));
        assertThat(sink.checkpoint()).hasValueSatisfying(cp -> assertThat(cp.treeSize()).isEqualTo(1));
        sink.close();
        assertThatThrownBy(() -> files.append(Events.event(2))).isInstanceOf(AuditStoreException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void a_composite_without_a_required_sink_is_refused() {
        assertThatThrownBy(() -> CompositeAuditSink.builder().optional(RecordingSink.recording()).build())
                .isInstanceOf(IllegalArgumentException.class);
    }
}
