package io.drm.audit;

import java.nio.file.Path;

/**
 * Child-process main for the crash test: appends events to a JSON-lines log forever, printing each
 * sequence number after its {@code append} returned, until the test kills it with SIGKILL.
 */
public final class KillableFileWriter {

    private KillableFileWriter() {
    }

    /**
     * @param args the log file and the durability mode
     */
    public static void main(String[] args) {
        JsonLinesAuditSink sink = JsonLinesAuditSink.builder(Path.of(args[0]))
                .durability(JsonLinesAuditSink.Durability.valueOf(args[1])).build();
        for (int i = 1; ; i++) {
            sink.append(Events.event(i));
            System.out.println(sink.size());
            System.out.flush();
        }
    }
}
