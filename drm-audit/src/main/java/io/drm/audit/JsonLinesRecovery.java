package io.drm.audit;

import io.drm.audit.internal.CanonicalJson;
import io.drm.audit.internal.ChainState;
import io.drm.audit.internal.EntryCodec;
import io.drm.audit.internal.LineReader;
import io.drm.audit.internal.LogFiles;
import io.drm.audit.internal.MalformedEntryException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds where a JSON-lines log stands when a sink opens it: the chain head, the last checkpoint,
 * the active file's first sequence number and valid length, and any torn last line, which
 * {@link #setAside} moves out of the way.
 */
final class JsonLinesRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(JsonLinesAuditSink.class);

    /** What was found. */
    record Found(ChainState state, Checkpoint lastCheckpoint, long activeFirstSeq, long activeLength,
            byte[] activeTorn, long checkpointsLength, byte[] checkpointsTorn) {
    }

    private final LogFiles files;
    private final EntryCodec codec = new EntryCodec();

    JsonLinesRecovery(LogFiles files) {
        this.files = files;
    }

    Found recover() throws IOException {
        Checkpoint last = null;
        ChainState saved = null;
        long checkpointsLength = 0;
        byte[] checkpointsTorn = null;
        if (Files.exists(files.checkpoints())) {
            try (LineReader lines = new LineReader(new BufferedInputStream(Files.newInputStream(files.checkpoints())))) {
                while (lines.next()) {
                    checkpointsLength = lines.lineOffset() + lines.length() + 1;
                    try {
                        Map<String, Object> map = CanonicalJson.parseObject(lines.buffer(), 0, lines.length());
                        last = Checkpoint.fromFields(map);
                        saved = map.get("state") instanceof String s ? ChainState.decode(s) : null;
                        if (saved != null && (saved.seq() != last.treeSize()
                                || !Arrays.equals(saved.root(), last.root()))) {
                            saved = null;
                        }
                    } catch (IOException | IllegalArgumentException e) {
                        throw new AuditStoreException("the checkpoint file " + files.checkpoints()
                                + " has a line at byte " + lines.lineOffset() + " that is not a checkpoint. Run"
                                + " AuditVerifier on the log; do not append to it until it verifies.");
                    }
                }
                if (lines.torn()) {
                    checkpointsTorn = lines.tornBytes();
                }
            }
        }
        List<Path> segments = files.segments();
        boolean activeExists = !segments.isEmpty() && segments.get(segments.size() - 1).equals(files.active());
        ChainState state = null;
        if (saved != null && activeExists) {
            state = replay(saved, List.of(files.active()), true);
        }
        if (state == null) {
            state = replay(ChainState.empty(), segments, false);
        }
        if (state == null) {
            throw new AuditStoreException("the audit log " + files.active() + " does not verify. Run"
                    + " AuditVerifier on it to find the first bad entry; do not append to it until it verifies.");
        }
        if (last != null && last.treeSize() > state.seq()) {
            throw new AuditStoreException("the audit log " + files.active() + " holds " + state.seq()
                    + " entries but its last checkpoint covers " + last.treeSize() + ": entries were lost or cut"
                    + " off. Run AuditVerifier on it; do not append to it until it verifies.");
        }
        return new Found(state, last, activeFirstSeq, activeLength, activeTorn, checkpointsLength, checkpointsTorn);
    }

    private long activeFirstSeq;
    private long activeLength;
    private byte[] activeTorn;

    /**
     * Replays segments onto a state. With {@code skipCovered}, entries the state already covers are
     * skipped (checked only for their sequence). Returns null when the chain does not continue.
     */
    private ChainState replay(ChainState start, List<Path> segments, boolean skipCovered) throws IOException {
        ChainState state = start.copy();
        activeFirstSeq = state.seq() + 1;
        activeLength = 0;
        activeTorn = null;
        for (Path segment : segments) {
            boolean active = segment.equals(files.active());
            boolean first = true;
            try (LineReader lines = new LineReader(new BufferedInputStream(Files.newInputStream(segment), 1 << 16))) {
                while (lines.next()) {
                    EntryCodec.Parsed entry;
                    try {
                        entry = codec.parse(lines.buffer(), 0, lines.length());
                    } catch (MalformedEntryException e) {
                        return null;
                    }
                    if (active && first) {
                        activeFirstSeq = entry.seq();
                    }
                    first = false;
                    if (active) {
                        activeLength = lines.lineOffset() + lines.length() + 1;
                    }
                    if (skipCovered && entry.seq() <= state.seq()) {
                        if (entry.seq() == state.seq() && !entry.storedHash().equals(HexFormat.of().formatHex(state.lastHash()))) {
                            return null;
                        }
                        continue;
                    }
                    if (entry.seq() != state.seq() + 1 || !entry.selfConsistent()
                            || !entry.prevHash().equals(HexFormat.of().formatHex(state.lastHash()))) {
                        return null;
                    }
                    state.advance(entry.seq(), HexFormat.of().parseHex(entry.storedHash()), entry.leafHash());
                }
                if (lines.torn()) {
                    if (!active) {
                        return null;
                    }
                    activeTorn = lines.tornBytes();
                }
            }
            if (active && first) {
                activeFirstSeq = state.seq() + 1;
            }
        }
        return state;
    }

    /**
     * Moves a torn last line to {@code <name>.torn-<seq>-<millis>} and cuts it off its file.
     *
     * @param file the file that ends with the torn line
     * @param validLength the length of its whole lines
     * @param torn the torn line's bytes
     * @param channel the file, open for writing
     * @param what "entry" or "checkpoint", for the log and the event
     * @param nextSeq the sequence number the next entry gets
     * @param millis the time, for the set-aside file's name
     * @return the details of the {@code audit.recovered} event that records it
     */
    Map<String, String> setAside(Path file, long validLength, byte[] torn, FileChannel channel, String what,
            long nextSeq, long millis) throws IOException {
        Path aside = files.torn(nextSeq, millis);
        Files.write(aside, torn, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
        channel.truncate(validLength);
        channel.force(true);
        LOG.warn("audit log {} ended with a torn {} line of {} bytes; set aside as {} and recorded", file, what,
                torn.length, aside.getFileName());
        return Map.of("file", file.getFileName().toString(), "setAsideTo", aside.getFileName().toString(),
                "bytes", String.valueOf(torn.length), "sha256", sha256(torn), "kind", what);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
