package io.drm.audit;

import io.drm.audit.internal.EntryCodec;
import io.drm.audit.internal.EntrySource;
import io.drm.audit.internal.FileLogStore;
import io.drm.audit.internal.LogStore;
import io.drm.audit.internal.MalformedEntryException;
import io.drm.audit.internal.TableLogStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;

/**
 * Read access to a stored audit log: a set of JSON-lines files written by
 * {@link JsonLinesAuditSink}, or the {@code drm_audit_log} table.
 *
 * <pre>{@code
 * AuditLog log = AuditLog.forTable(dataSource);
 * AuditQuery failures = AuditQuery.all()
 *         .from(Instant.parse("2026-10-01T00:00:00Z"))
 *         .until(Instant.parse("2026-11-01T00:00:00Z"))
 *         .environment("prod")
 *         .outcome(AuditEvent.Outcome.FAILURE);
 * try (Stream<AuditEntry> entries = log.query(failures)) {   // close it: it holds a connection
 *     entries.forEach(e -> System.out.println(e.seq() + " " + e.event().action()));
 * }
 * }</pre>
 *
 * <p>This is reading, not verifying: entries are returned as the store holds them, and their
 * hashes and chain links are not checked. An entry changed after it was written is returned as
 * changed. {@link AuditVerifier} proves that the log is intact; run it before relying on what a
 * query returns, and embed its report in a {@link ComplianceReport} with
 * {@link ComplianceReport.Builder#verifiedWith(VerificationReport)}.
 *
 * <p>For the table, the time range, actions, environment and release id select rows in SQL
 * (bound parameters on the columns {@code event_time_ms}, {@code action}, {@code environment} and
 * {@code release_id}); every part of the query is then applied to the entries themselves, so a row
 * is returned only when both its columns and its entry match. (Columns that disagree with their
 * entry are tampering, which {@link AuditVerifier} reports.) Files are filtered as they are read.
 *
 * <p>Thread-safe: every query opens its own connection or files.
 */
public final class AuditLog {

    private final Path activeFile;
    private final DataSource dataSource;

    private AuditLog(Path activeFile, DataSource dataSource) {
        this.activeFile = activeFile;
        this.dataSource = dataSource;
    }

    /**
     * Reads a JSON-lines log. Each query reads the rotated segments beside the active file (found
     * by name, oldest first) and then the active file, as they are when the query starts.
     *
     * @param activeFile the active file of the log, as given to {@link JsonLinesAuditSink}
     * @return the log
     * @throws NullPointerException if {@code activeFile} is null
     */
    public static AuditLog forFiles(Path activeFile) {
        return new AuditLog(Objects.requireNonNull(activeFile, "activeFile"), null);
    }

    /**
     * @param activeFile the active file of the log
     * @return the log
     * @deprecated use {@link #forFiles(Path)}: stores are named {@code forFiles}/{@code forTable}
     *     in every module
     */
    @Deprecated
    public static AuditLog files(Path activeFile) {
        return forFiles(activeFile);
    }

    /**
     * Reads the {@code drm_audit_log} table.
     *
     * @param dataSource the database holding the table
     * @return the log
     * @throws NullPointerException if {@code dataSource} is null
     */
    public static AuditLog forTable(DataSource dataSource) {
        return new AuditLog(null, Objects.requireNonNull(dataSource, "dataSource"));
    }

    /**
     * @param dataSource the database holding the table
     * @return the log
     * @deprecated use {@link #forTable(DataSource)}: stores are named {@code forFiles}/{@code forTable}
     *     in every module
     */
    @Deprecated
    public static AuditLog table(DataSource dataSource) {
        return forTable(dataSource);
    }

    /**
     * Streams the entries that match a query, in sequence order (for files: line order, in which
     * the sink writes them), with memory bounded by one entry.
     *
     * <p>The stream holds a database connection or an open file until it is closed: close it, with
     * try-with-resources, even when it is not read to the end. The store is opened here, so a
     * missing log fails now rather than when the stream is read.
     *
     * @param query which entries
     * @return the entries; close it
     * @throws NullPointerException if {@code query} is null
     * @throws AuditStoreException if the log does not exist or cannot be read (here or while the
     *     stream is read), or holds an entry that is not a well-formed drm entry (the message names
     *     where; {@link AuditVerifier} tells what happened to it)
     */
    public Stream<AuditEntry> query(AuditQuery query) {
        Objects.requireNonNull(query, "query");
        Opened opened = open(query);
        Reader reader = new Reader(opened.store, opened.source, query);
        return StreamSupport.stream(reader, false).onClose(reader::close);
    }

    /**
     * Counts the entries that match a query, reading them as {@link #query(AuditQuery)} does.
     *
     * @param query which entries
     * @return how many match
     * @throws NullPointerException if {@code query} is null
     * @throws AuditStoreException as {@link #query(AuditQuery)}
     */
    public long count(AuditQuery query) {
        try (Stream<AuditEntry> entries = query(query)) {
            return entries.count();
        }
    }

    /** @return which log this reads */
    @Override
    public String toString() {
        return activeFile != null ? "AuditLog[files " + activeFile + "]" : "AuditLog[table drm_audit_log]";
    }

    private record Opened(LogStore store, EntrySource source) {
    }

    private Opened open(AuditQuery query) {
        if (activeFile != null) {
            FileLogStore store;
            try {
                store = new FileLogStore(activeFile);
            } catch (IOException e) {
                throw new AuditStoreException("cannot read the audit log " + activeFile + ": " + e, e);
            }
            if (store.segments().isEmpty() && !Files.exists(activeFile)) {
                throw new AuditStoreException("there is no audit log at " + activeFile + ": neither the file nor"
                        + " rotated segments of it exist. Give the active file the JsonLinesAuditSink writes.");
            }
            return new Opened(store, store.entries());
        }
        TableLogStore store = new TableLogStore(dataSource);
        try {
            return new Opened(store, store.entries(new TableLogStore.Selection(lowerMillis(query.fromTime()),
                    upperMillis(query.untilTime()), query.actions(), query.environmentName(),
                    query.releaseIdValue())));
        } catch (IOException e) {
            throw new AuditStoreException("cannot read the audit table " + store.name() + " (does it exist in this"
                    + " database, and may this user read it?): " + e.getMessage(), e);
        }
    }

    /** The smallest {@code event_time_ms} of an event at or after {@code from} (the column is the floor). */
    private static Long lowerMillis(Instant from) {
        if (from == null) {
            return null;
        }
        try {
            return from.toEpochMilli();
        } catch (ArithmeticException e) {
            return null;
        }
    }

    /** A bound above the {@code event_time_ms} of every event before {@code until}: its ceiling. */
    private static Long upperMillis(Instant until) {
        if (until == null) {
            return null;
        }
        try {
            long ms = until.toEpochMilli();
            return until.getNano() % 1_000_000 == 0 ? ms : Math.addExact(ms, 1);
        } catch (ArithmeticException e) {
            return null;
        }
    }

    /** Reads entries from a source, parses and filters them. */
    private static final class Reader extends Spliterators.AbstractSpliterator<AuditEntry> {
        private final LogStore store;
        private final EntrySource source;
        private final AuditQuery query;
        private final EntryCodec codec = new EntryCodec();
        private boolean closed;

        Reader(LogStore store, EntrySource source, AuditQuery query) {
            super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
            this.store = store;
            this.source = source;
            this.query = query;
        }

        @Override
        public boolean tryAdvance(Consumer<? super AuditEntry> action) {
            if (closed) {
                throw new IllegalStateException("the query's stream is closed");
            }
            try {
                EntrySource.Item item;
                while ((item = source.next()) != null) {
                    AuditEntry entry = entry(item);
                    if (query.matches(entry)) {
                        action.accept(entry);
                        return true;
                    }
                }
                return false;
            } catch (IOException e) {
                throw new AuditStoreException("cannot read the audit log " + store.name() + ": " + e.getMessage(), e);
            }
        }

        private AuditEntry entry(EntrySource.Item item) {
            EntryCodec.Parsed parsed = item.parsed();
            if (parsed != null && parsed.event() == null) {
                byte[] stored = source.entryBytes();
                if (stored == null) {
                    throw new IllegalStateException("the entry source of " + store.name() + " keeps no entry bytes");
                }
                try {
                    parsed = codec.parse(stored);
                } catch (MalformedEntryException e) {
                    parsed = null;
                }
            }
            if (parsed == null) {
                throw new AuditStoreException("the audit log " + store.name() + " holds an entry that is not a"
                        + " well-formed drm entry at " + item.location()
                        + (item.malformed() == null ? "" : " (" + item.malformed() + ")")
                        + "; run AuditVerifier to find out what happened to it");
            }
            return parsed.entry();
        }

        void close() {
            if (closed) {
                return;
            }
            closed = true;
            try {
                source.close();
            } catch (IOException e) {
                throw new AuditStoreException("closing a read of the audit log " + store.name() + " failed: "
                        + e.getMessage(), e);
            }
        }
    }
}
