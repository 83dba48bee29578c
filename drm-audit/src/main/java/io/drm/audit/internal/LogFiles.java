package io.drm.audit.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files of one JSON-lines audit log. For an active file {@code audit.jsonl}: rotated segments
 * {@code audit-000000000001.jsonl} (named by their first sequence number), checkpoints
 * {@code audit.checkpoints.jsonl}, the writer's lock {@code audit.jsonl.lock} and torn lines set
 * aside as {@code audit.jsonl.torn-<seq>-<millis>}.
 */
public final class LogFiles {

    private final Path active;
    private final String stem;
    private final String extension;
    private final Pattern rotated;

    /** @param active the active file */
    public LogFiles(Path active) {
        this.active = active.toAbsolutePath().normalize();
        String name = this.active.getFileName().toString();
        int dot = name.lastIndexOf('.');
        this.stem = dot > 0 ? name.substring(0, dot) : name;
        this.extension = dot > 0 ? name.substring(dot) : "";
        this.rotated = Pattern.compile(Pattern.quote(stem) + "-(\\d{12})" + Pattern.quote(extension));
    }

    /** @return the active file */
    public Path active() {
        return active;
    }

    /** @return the checkpoint file */
    public Path checkpoints() {
        return sibling(stem + ".checkpoints" + extension);
    }

    /** @return the lock file */
    public Path lock() {
        return sibling(active.getFileName() + ".lock");
    }

    /**
     * @param firstSeq the segment's first sequence number
     * @return the name of a rotated segment
     */
    public Path rotated(long firstSeq) {
        return sibling(String.format("%s-%012d%s", stem, firstSeq, extension));
    }

    /**
     * @param seq the sequence number the torn line would have had
     * @param millis when it was set aside
     * @return where a torn line goes
     */
    public Path torn(long seq, long millis) {
        return sibling(active.getFileName() + ".torn-" + seq + "-" + millis);
    }

    /**
     * @return rotated segments in order, then the active file if it exists
     * @throws IOException if the directory cannot be listed
     */
    public List<Path> segments() throws IOException {
        List<Path> out = new ArrayList<>();
        Path dir = active.getParent();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> list = Files.list(dir)) {
                list.filter(p -> rotated.matcher(p.getFileName().toString()).matches()).sorted().forEach(out::add);
            }
        }
        if (Files.exists(active)) {
            out.add(active);
        }
        return out;
    }

    private Path sibling(String name) {
        return active.resolveSibling(name);
    }
}
