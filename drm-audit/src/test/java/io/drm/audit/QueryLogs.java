package io.drm.audit;

import io.drm.audit.internal.EntryCodec;
import io.drm.spi.AuditEvent;
import io.drm.testing.DbKind;
import io.drm.testing.TestDatabase;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.sql.DataSource;

/** Logs for the query and report tests: the same ten events as JSON lines or as table rows. */
final class QueryLogs {

    /** The start of the scenario. */
    static final Instant T = Instant.parse("2026-10-01T00:00:00Z");

    /** Entry 8's time, half a millisecond past a whole millisecond. */
    static final Instant SUB_MILLI = T.plusSeconds(30).plusNanos(500_000);

    /** The error detail of entry 5: a comma, quotes and a line break. */
    static final String ERROR = "V2__x.sql, line 3: \"boom\"\r\nrolled back";

    /** The target of entry 5: a comma, quotes and a line break, which stay literal in CSV. */
    static final String ODD_TARGET = "postgresql/app, schema \"billing\"\nreplica";

    private QueryLogs() {
    }

    /**
     * The scenario, entry by entry.
     * <ol>
     * <li>release.started rel-A prod alice, T
     * <li>migration.applied rel-A prod alice, T+1s
     * <li>release.completed rel-A prod alice, T+2s
     * <li>release.started rel-B staging bob, T+10s
     * <li>release.failed rel-B staging bob, T+11s (failure; detail and target with comma, quotes, line break)
     * <li>release.started rel-C prod ci-bot, T+20s
     * <li>migration.applied rel-C prod ci-bot, T+21s
     * <li>audit.recovered (no release) prod drm, T+30.0005s
     * <li>release.started rel-D prod alice, T+40s
     * <li>release.failed rel-D prod alice, T+41s (failure)
     * </ol>
     */
    static List<AuditEvent> events() {
        List<AuditEvent> out = new ArrayList<>();
        out.add(event(1, T, "alice", "release.started", "prod", AuditEvent.Outcome.UNKNOWN, "rel-A", Map.of()));
        out.add(event(2, T.plusSeconds(1), "alice", "migration.applied", "prod", AuditEvent.Outcome.SUCCESS, "rel-A",
                Map.of("version", "1")));
        out.add(event(3, T.plusSeconds(2), "alice", "release.completed", "prod", AuditEvent.Outcome.SUCCESS,
                "rel-A", Map.of()));
        out.add(event(4, T.plusSeconds(10), "bob", "release.started", "staging", AuditEvent.Outcome.UNKNOWN,
                "rel-B", Map.of()));
        out.add(event(5, T.plusSeconds(11), "bob", "release.failed", "staging", AuditEvent.Outcome.FAILURE, "rel-B",
                Map.of("error", ERROR)));
        out.set(4, withTarget(out.get(4), ODD_TARGET));
        out.add(event(6, T.plusSeconds(20), "ci-bot", "release.started", "prod", AuditEvent.Outcome.UNKNOWN,
                "rel-C", Map.of()));
        out.add(event(7, T.plusSeconds(21), "ci-bot", "migration.applied", "prod", AuditEvent.Outcome.SUCCESS,
                "rel-C", Map.of("version", "2")));
        out.add(event(8, SUB_MILLI, "drm", "audit.recovered", "prod", AuditEvent.Outcome.SUCCESS, null,
                Map.of("tornBytes", "17")));
        out.add(event(9, T.plusSeconds(40), "alice", "release.started", "prod", AuditEvent.Outcome.UNKNOWN,
                "rel-D", Map.of()));
        out.add(event(10, T.plusSeconds(41), "alice", "release.failed", "prod", AuditEvent.Outcome.FAILURE, "rel-D",
                Map.of("error", "lock timeout")));
        return out;
    }

    static AuditEvent event(int n, Instant time, String actor, String action, String environment,
            AuditEvent.Outcome outcome, String releaseId, Map<String, String> extra) {
        Map<String, String> details = new TreeMap<>(extra);
        if (releaseId != null) {
            details.put("releaseId", releaseId);
        }
        return AuditEvent.of("event-" + n, time, actor, action, environment, "postgresql/app", outcome, details);
    }

    static AuditEvent withTarget(AuditEvent e, String target) {
        return new AuditEvent(e.id(), e.time(), e.actor(), e.action(), e.environment(), target, e.outcome(),
                e.details());
    }

    /** Writes the events with {@link JsonLinesAuditSink}. */
    static Path writeFiles(Path file, List<AuditEvent> events) {
        try (JsonLinesAuditSink sink = JsonLinesAuditSink.open(file)) {
            events.forEach(sink::append);
        }
        return file;
    }

    /** Creates {@code drm_audit_log} with portable DDL. */
    static void createTable(TestDatabase db) {
        String text = switch (db.kind()) {
            case H2 -> "CLOB";
            case POSTGRESQL -> "TEXT";
            case MARIADB -> "LONGTEXT";
        };
        db.execute("CREATE TABLE drm_audit_log (seq BIGINT NOT NULL PRIMARY KEY, event_id VARCHAR(100) NOT NULL,"
                + " event_time_ms BIGINT NOT NULL, action VARCHAR(100) NOT NULL, environment VARCHAR(100) NOT NULL,"
                + " release_id VARCHAR(100), prev_hash CHAR(64) NOT NULL, entry_hash CHAR(64) NOT NULL,"
                + " entry " + text + " NOT NULL)" + (db.kind() == DbKind.MARIADB ? " CHARACTER SET utf8mb4" : ""));
    }

    /** Seals the events into a chain and inserts them, in the order of {@code insertOrder} (seq numbers). */
    static void insert(TestDatabase db, List<AuditEvent> events, List<Integer> insertOrder) {
        EntryCodec codec = new EntryCodec();
        List<EntryCodec.Sealed> sealed = new ArrayList<>();
        byte[] prev = new byte[32];
        for (int i = 0; i < events.size(); i++) {
            EntryCodec.Sealed s = codec.seal(events.get(i), i + 1, prev);
            sealed.add(s);
            prev = s.hash();
        }
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO drm_audit_log (seq, event_id, event_time_ms,"
                        + " action, environment, release_id, prev_hash, entry_hash, entry)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int seq : insertOrder) {
                EntryCodec.Sealed s = sealed.get(seq - 1);
                AuditEvent e = events.get(seq - 1);
                ps.setLong(1, s.seq());
                ps.setString(2, e.id());
                ps.setLong(3, e.time().toEpochMilli());
                ps.setString(4, e.action());
                ps.setString(5, e.environment());
                ps.setString(6, e.details().get("releaseId"));
                ps.setString(7, java.util.HexFormat.of().formatHex(s.prevHash()));
                ps.setString(8, java.util.HexFormat.of().formatHex(s.hash()));
                ps.setString(9, new String(s.canonical(), StandardCharsets.UTF_8));
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Inserts the events in sequence order. */
    static void insert(TestDatabase db, List<AuditEvent> events) {
        List<Integer> order = new ArrayList<>();
        for (int i = 1; i <= events.size(); i++) {
            order.add(i);
        }
        insert(db, events, order);
    }

    /** Reads a query's sequence numbers and closes its stream. */
    static List<Long> seqs(AuditLog log, AuditQuery query) {
        try (Stream<AuditEntry> entries = log.query(query)) {
            return entries.map(AuditEntry::seq).toList();
        }
    }

    /** A data source that counts the connections it handed out and that are not closed yet. */
    static final class CountingDataSource {
        private final DataSource target;
        private final AtomicInteger open = new AtomicInteger();
        private final AtomicInteger opened = new AtomicInteger();

        CountingDataSource(DataSource target) {
            this.target = target;
        }

        int open() {
            return open.get();
        }

        int opened() {
            return opened.get();
        }

        DataSource dataSource() {
            InvocationHandler handler = (proxy, method, args) -> {
                if (method.getName().equals("getConnection")) {
                    Connection c = (Connection) invoke(method, target, args);
                    opened.incrementAndGet();
                    open.incrementAndGet();
                    return connection(c);
                }
                return invoke(method, target, args);
            };
            return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(),
                    new Class<?>[] {DataSource.class}, handler);
        }

        private Connection connection(Connection c) {
            AtomicBoolean closed = new AtomicBoolean();
            InvocationHandler handler = (proxy, method, args) -> {
                if (method.getName().equals("close") && closed.compareAndSet(false, true)) {
                    open.decrementAndGet();
                }
                return invoke(method, c, args);
            };
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, handler);
        }

        private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args)
                throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
