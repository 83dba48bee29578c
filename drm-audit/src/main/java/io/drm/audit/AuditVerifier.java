package io.drm.audit;

import io.drm.audit.internal.ChainState;
import io.drm.audit.internal.EntryCodec;
import io.drm.audit.internal.EntrySource;
import io.drm.audit.internal.FileLogStore;
import io.drm.audit.internal.LogStore;
import io.drm.audit.internal.MerkleIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Verifies a tamper-evident audit log (a JDBC table or a set of JSON-lines files) and proves what
 * it holds.
 *
 * <p>{@link #verify()} streams the log once with bounded memory: it checks every entry's hash and
 * its link to the one before, the sequence numbers, the Merkle root of every checkpoint against
 * the entries, and the checkpoints' signatures against the trusted keys. Its report names the first
 * bad entry and what happened to it ({@link Tampering}).
 *
 * <pre>{@code
 * VerificationReport report = AuditVerifier.forFiles(Path.of("/var/log/app/audit.jsonl"))
 *         .trusting(TrustedKeys.of(AuditPublicKey.fromPemFile(Path.of("audit-key.pub.pem"))))
 *         .verify();
 * if (!report.ok()) {
 *     throw new IllegalStateException(report.toString());
 * }
 * }</pre>
 *
 * <p>Proofs: {@link #inclusionProof(long, Checkpoint)} proves that an entry is in the log a
 * checkpoint signed, and {@link #consistencyProof(Checkpoint, Checkpoint)} that a later checkpoint
 * extends an earlier one. Both export as JSON and verify offline with only the public key.
 *
 * <p>Not thread-safe; cheap to create.
 */
public final class AuditVerifier {

    private static final int LOOKAHEAD = 64;

    private final LogStore store;
    private TrustedKeys trusted;
    private final List<Checkpoint> expected = new ArrayList<>();
    private MerkleIndex index;

    private AuditVerifier(LogStore store) {
        this.store = store;
    }

    /**
     * @param activeFile the active file of a JSON-lines log; rotated segments and the checkpoint
     *     file beside it are found by name
     * @return a verifier
     * @throws io.drm.audit.AuditStoreException if the directory cannot be read
     */
    public static AuditVerifier forFiles(Path activeFile) {
        Objects.requireNonNull(activeFile, "activeFile");
        try {
            return new AuditVerifier(new FileLogStore(activeFile));
        } catch (IOException e) {
            throw new AuditStoreException("cannot read the audit log " + activeFile + ": " + e, e);
        }
    }

    /**
     * @param dataSource the database holding {@code drm_audit_log} and {@code drm_audit_checkpoint}
     * @return a verifier
     */
    public static AuditVerifier forTable(DataSource dataSource) {
        return new AuditVerifier(new io.drm.audit.internal.TableLogStore(Objects.requireNonNull(dataSource,
                "dataSource")));
    }

    /**
     * @param keys the keys whose signatures on checkpoints to accept; without them signatures are
     *     not checked (the report says so)
     * @return this
     */
    public AuditVerifier trusting(TrustedKeys keys) {
        this.trusted = Objects.requireNonNull(keys, "keys");
        return this;
    }

    /**
     * Adds a checkpoint kept outside the log (for example by an auditor, or from a
     * {@code release.completed} event), so that cutting entries off the log and its checkpoint
     * file together is detected as well.
     *
     * @param checkpoint the checkpoint
     * @return this
     */
    public AuditVerifier expecting(Checkpoint checkpoint) {
        expected.add(Objects.requireNonNull(checkpoint, "checkpoint"));
        return this;
    }

    /**
     * Verifies the whole log.
     *
     * @return the report; {@link VerificationReport#ok()} tells whether it verifies and is
     *     authenticated by trusted keys (never without {@link #trusting(TrustedKeys)}),
     *     {@link VerificationReport#intact()} whether the chain and roots hold
     * @throws AuditStoreException if the log cannot be read at all
     */
    public VerificationReport verify() {
        try {
            return new Run().run();
        } catch (IOException e) {
            throw new AuditStoreException("cannot read the audit log " + store.name() + ": " + e, e);
        }
    }

    /**
     * Proves that entry {@code seq} is among the {@code checkpoint.treeSize()} entries the checkpoint
     * covers.
     *
     * @param seq the entry's sequence number
     * @param checkpoint a checkpoint of this log covering it
     * @return the proof, with the entry and the checkpoint
     * @throws IllegalArgumentException if the checkpoint does not cover {@code seq}
     * @throws AuditStoreException if the log cannot be read or no longer matches the checkpoint
     */
    public InclusionProof inclusionProof(long seq, Checkpoint checkpoint) {
        Objects.requireNonNull(checkpoint, "checkpoint");
        if (seq < 1 || seq > checkpoint.treeSize()) {
            throw new IllegalArgumentException("checkpoint of size " + checkpoint.treeSize()
                    + " does not cover entry " + seq);
        }
        MerkleIndex idx = index(checkpoint.treeSize());
        try {
            byte[] entry = idx.entry(seq);
            List<byte[]> path = idx.inclusionPath(seq - 1, checkpoint.treeSize());
            InclusionProof proof = new InclusionProof(seq, entry, path, checkpoint);
            if (!proof.holds()) {
                throw new AuditStoreException("the log " + store.name() + " does not match the checkpoint of size "
                        + checkpoint.treeSize() + "; run verify() to find the first bad entry");
            }
            return proof;
        } catch (IOException e) {
            throw new AuditStoreException("cannot read the audit log " + store.name() + ": " + e, e);
        }
    }

    /**
     * Proves that {@code newer} extends {@code older}: the log of {@code newer.treeSize()} entries
     * begins with the {@code older.treeSize()} entries {@code older} covers, unchanged.
     *
     * @param older the earlier checkpoint
     * @param newer the later checkpoint
     * @return the proof
     * @throws IllegalArgumentException if {@code older} is larger than {@code newer} or empty
     * @throws AuditStoreException if the log cannot be read or does not match the checkpoints
     */
    public ConsistencyProof consistencyProof(Checkpoint older, Checkpoint newer) {
        Objects.requireNonNull(older, "older");
        Objects.requireNonNull(newer, "newer");
        if (older.treeSize() < 1 || older.treeSize() > newer.treeSize()) {
            throw new IllegalArgumentException("a consistency proof needs 1 <= older size <= newer size, got "
                    + older.treeSize() + " and " + newer.treeSize());
        }
        MerkleIndex idx = index(newer.treeSize());
        try {
            ConsistencyProof proof = new ConsistencyProof(older, newer,
                    idx.consistencyPath(older.treeSize(), newer.treeSize()));
            if (!proof.holds()) {
                throw new AuditStoreException("the log " + store.name() + " does not match both checkpoints;"
                        + " run verify() to find the first bad entry");
            }
            return proof;
        } catch (IOException e) {
            throw new AuditStoreException("cannot read the audit log " + store.name() + ": " + e, e);
        }
    }

    /** The raw proof nodes between two sizes, whatever the checkpoints say; for tests of doctored logs. */
    List<byte[]> consistencyProofPath(long oldSize, long newSize) {
        try {
            return index(newSize).consistencyPath(oldSize, newSize);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private MerkleIndex index(long atLeast) {
        try {
            if (index == null || index.size() < atLeast) {
                index = MerkleIndex.build(store);
            }
            if (index.size() < atLeast) {
                throw new IllegalArgumentException("the log holds " + index.size() + " entries, fewer than "
                        + atLeast);
            }
            return index;
        } catch (IOException e) {
            throw new AuditStoreException("cannot read the audit log " + store.name() + ": " + e, e);
        } catch (UncheckedIOException e) {
            throw new AuditStoreException("cannot read the audit log " + store.name() + ": " + e.getCause(), e);
        }
    }

    /** One verification pass. */
    private final class Run {
        private final ChainState state = ChainState.empty();
        private String lastHex = java.util.HexFormat.of().formatHex(new byte[32]);
        private final Deque<EntrySource.Item> ahead = new ArrayDeque<>();
        private final List<String> notes = new ArrayList<>();
        private final EntryCodec codec = new EntryCodec();
        private List<Checkpoint> checkpoints;
        private int nextCheckpoint;
        private int checkpointsChecked;
        private Checkpoint latest;
        private long lastGood;
        private EntrySource source;

        VerificationReport run() throws IOException {
            checkpoints = new ArrayList<>(store.checkpoints());
            checkpoints.addAll(expected);
            checkpoints.sort(Comparator.comparingLong(Checkpoint::treeSize));
            VerificationReport.Problem fork = forks();
            if (fork != null) {
                return report(fork);
            }
            VerificationReport.Problem problem = checkpointsAt(0);
            if (problem != null) {
                return report(problem);
            }
            try (EntrySource src = store.entries()) {
                source = src;
                EntrySource.Item item;
                while ((item = take()) != null) {
                    problem = entry(item);
                    if (problem != null) {
                        return report(problem);
                    }
                }
                if (src.torn() != null) {
                    notes.add("the last line is torn (" + src.torn().length + " bytes without a newline: a write"
                            + " cut off); the sink sets it aside when it opens the log");
                }
            }
            if (nextCheckpoint < checkpoints.size()) {
                Checkpoint beyond = checkpoints.get(nextCheckpoint);
                return report(new VerificationReport.Problem(Tampering.TRUNCATED, state.seq() + 1, store.name(),
                        "the log ends after entry " + state.seq() + " but a checkpoint covers " + beyond.treeSize()
                                + " entries: entries " + (state.seq() + 1) + ".." + beyond.treeSize()
                                + " were cut off"));
            }
            return report(null);
        }

        private VerificationReport.Problem entry(EntrySource.Item item) throws IOException {
            EntryCodec.Parsed p = item.parsed();
            String lastHex = this.lastHex;
            long expectedSeq = state.seq() + 1;
            if (p != null && p.seq() == expectedSeq && p.selfConsistent() && p.prevHash().equals(lastHex)) {
                String columns = columns(item);
                if (columns != null) {
                    return new VerificationReport.Problem(Tampering.MODIFIED, expectedSeq, item.location(),
                            "the table's columns disagree with the sealed entry: " + columns);
                }
                state.advance(p.seq(), java.util.HexFormat.of().parseHex(p.storedHash()), p.leafHash());
                this.lastHex = p.storedHash();
                return checkpointsAt(state.seq());
            }
            EntrySource.Item next = peek(0);
            boolean early = p != null && p.seq() > expectedSeq && p.selfConsistent();
            if (!early && next != null && next.parsed() != null && next.parsed().seq() == expectedSeq
                    && next.parsed().selfConsistent() && next.parsed().prevHash().equals(lastHex)) {
                return new VerificationReport.Problem(Tampering.INSERTED, p == null ? expectedSeq : p.seq(),
                        item.location(), "an entry that is not part of the chain stands before entry " + expectedSeq);
            }
            if (p == null) {
                return new VerificationReport.Problem(Tampering.MODIFIED, expectedSeq, item.location(),
                        "entry " + expectedSeq + " is not a well-formed entry: " + item.malformed());
            }
            if (p.seq() == expectedSeq) {
                if (!p.selfConsistent()) {
                    return new VerificationReport.Problem(Tampering.MODIFIED, expectedSeq, item.location(),
                            "entry " + expectedSeq + " was changed: its content no longer gives its hash");
                }
                long changed = Math.max(1, expectedSeq - 1);
                return new VerificationReport.Problem(Tampering.MODIFIED, changed, item.location(),
                        "entry " + changed + " was changed and re-hashed: entry " + expectedSeq
                                + " records a different hash for it");
            }
            if (p.seq() > expectedSeq) {
                for (int i = 0; i < LOOKAHEAD; i++) {
                    EntrySource.Item later = peek(i);
                    if (later == null) {
                        break;
                    }
                    if (later.parsed() != null && later.parsed().seq() == expectedSeq) {
                        return new VerificationReport.Problem(Tampering.REORDERED, expectedSeq, item.location(),
                                "entry " + expectedSeq + " was moved: entry " + p.seq() + " stands in its place and"
                                        + " it comes later, at " + later.location());
                    }
                }
                return new VerificationReport.Problem(Tampering.DELETED, expectedSeq, item.location(),
                        "entries " + expectedSeq + (p.seq() - 1 > expectedSeq ? ".." + (p.seq() - 1) : "")
                                + " are missing: entry " + p.seq() + " follows entry " + (expectedSeq - 1));
            }
            return new VerificationReport.Problem(Tampering.INSERTED, p.seq(), item.location(),
                    "a second entry claiming seq " + p.seq() + " follows entry " + (expectedSeq - 1));
        }

        private String columns(EntrySource.Item item) {
            if (!store.hasColumns()) {
                return null;
            }
            return store.columnMismatch(source, item.parsed());
        }

        private VerificationReport.Problem checkpointsAt(long size) {
            while (nextCheckpoint < checkpoints.size() && checkpoints.get(nextCheckpoint).treeSize() == size) {
                Checkpoint cp = checkpoints.get(nextCheckpoint++);
                if (trusted != null) {
                    Checkpoint.SignatureStatus status = cp.check(trusted);
                    switch (status) {
                        case UNKNOWN_KEY:
                            return new VerificationReport.Problem(Tampering.UNKNOWN_KEY, size, checkpointName(cp),
                                    "the checkpoint of " + size + " entries is signed by key " + cp.keyId()
                                            + ", which is not trusted: the log may have been rewritten and re-signed");
                        case BAD_SIGNATURE:
                            return new VerificationReport.Problem(Tampering.BAD_SIGNATURE, size, checkpointName(cp),
                                    "the signature of the checkpoint of " + size + " entries does not hold");
                        case UNSIGNED:
                            return new VerificationReport.Problem(Tampering.BAD_SIGNATURE, size, checkpointName(cp),
                                    "the checkpoint of " + size + " entries is not signed");
                        default:
                            break;
                    }
                }
                if (!Arrays.equals(state.root(), cp.root())) {
                    EntrySource.Item next = peekQuietly();
                    if (next != null && next.parsed() != null && next.parsed().seq() <= size) {
                        return new VerificationReport.Problem(Tampering.INSERTED, next.parsed().seq(),
                                next.location(), "a second entry claiming seq " + next.parsed().seq()
                                        + " follows entry " + size + ": one of the two is not part of the chain the"
                                        + " checkpoint of " + size + " entries signed");
                    }
                    long from = lastGood + 1;
                    return new VerificationReport.Problem(Tampering.MODIFIED, from, checkpointName(cp),
                            "the entries do not give the root of the checkpoint of " + size + " entries: entries "
                                    + from + ".." + size + " were changed and the chain rewritten");
                }
                checkpointsChecked++;
                lastGood = size;
                latest = cp;
            }
            return null;
        }

        private VerificationReport.Problem forks() {
            for (int i = 1; i < checkpoints.size(); i++) {
                Checkpoint a = checkpoints.get(i - 1);
                Checkpoint b = checkpoints.get(i);
                if (a.treeSize() == b.treeSize() && !a.rootHash().equals(b.rootHash())) {
                    return new VerificationReport.Problem(Tampering.MODIFIED, a.treeSize(), checkpointName(b),
                            "two checkpoints of " + a.treeSize() + " entries have different roots: the log forked");
                }
            }
            return null;
        }

        private EntrySource.Item peekQuietly() {
            try {
                return source == null ? null : peek(0);
            } catch (IOException e) {
                return null;
            }
        }

        private String checkpointName(Checkpoint cp) {
            return store.name() + " checkpoint " + cp.treeSize();
        }

        private EntrySource.Item take() throws IOException {
            return ahead.isEmpty() ? source.next() : ahead.removeFirst();
        }

        private EntrySource.Item peek(int i) throws IOException {
            while (ahead.size() <= i) {
                EntrySource.Item item = source.next();
                if (item == null) {
                    return null;
                }
                ahead.addLast(item);
            }
            int n = 0;
            for (EntrySource.Item item : ahead) {
                if (n++ == i) {
                    return item;
                }
            }
            return null;
        }

        private VerificationReport report(VerificationReport.Problem problem) {
            if (trusted == null) {
                notes.add("checkpoint signatures were not checked: no trusted keys given, so the log is"
                        + " at best intact, never ok (anyone who can write the store can make an intact log);"
                        + " call trusting(...) with the signer's public key");
            } else if (problem == null && state.seq() > 0 && latest == null) {
                notes.add("no signed checkpoint covers the log's " + state.seq() + " entries, so nothing"
                        + " authenticates them: the log is intact but not ok");
            }
            return new VerificationReport(state.seq(), checkpointsChecked, trusted != null, latest,
                    state.seq() - lastGood, problem, notes);
        }
    }
}
