package io.drm.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A stored log the tamper suite can rewrite as an attacker with write access would. */
interface TamperableLog extends AutoCloseable {

    /** @return what the log is */
    String describe();

    /** @return the stored entries in storage order */
    List<String> entries();

    /** @param entries the entries to store instead, in storage order */
    void rewrite(List<String> entries);

    /** @return the stored checkpoints */
    List<Checkpoint> checkpoints();

    /** @param checkpoints the checkpoints to store instead */
    void rewriteCheckpoints(List<Checkpoint> checkpoints);

    /** @return a verifier of the store */
    AuditVerifier verifier();

    @Override
    void close();

    /** A JSON-lines log of one file. */
    final class Files1 implements TamperableLog {
        private final Path file;

        Files1(Path file) {
            this.file = file;
        }

        @Override
        public String describe() {
            return "json-lines";
        }

        @Override
        public List<String> entries() {
            try {
                return Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void rewrite(List<String> entries) {
            write(file, entries);
        }

        @Override
        public List<Checkpoint> checkpoints() {
            try {
                List<Checkpoint> out = new ArrayList<>();
                for (String line : Files.readAllLines(checkpointFile(), StandardCharsets.UTF_8)) {
                    out.add(Checkpoint.fromJson(line));
                }
                return out;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void rewriteCheckpoints(List<Checkpoint> checkpoints) {
            write(checkpointFile(), checkpoints.stream().map(Checkpoint::toJson).toList());
        }

        private Path checkpointFile() {
            return file.resolveSibling("audit.checkpoints.jsonl");
        }

        private static void write(Path path, List<String> lines) {
            StringBuilder text = new StringBuilder();
            for (String line : lines) {
                text.append(line).append('\n');
            }
            try {
                Files.writeString(path, text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public AuditVerifier verifier() {
            return AuditVerifier.forFiles(file);
        }

        @Override
        public void close() {
        }
    }
}
