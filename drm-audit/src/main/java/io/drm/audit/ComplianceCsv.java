package io.drm.audit;

import io.drm.audit.internal.CanonicalJson;
import io.drm.spi.AuditEvent;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/** The CSV export of a {@link ComplianceReport} (RFC 4180): one job, reading the report's entries again. */
final class ComplianceCsv {

    private ComplianceCsv() {
    }

    static void write(AuditLog log, AuditQuery query, long entries, long firstSeq, long lastSeq, Writer out)
            throws IOException {
        row(out, ComplianceReport.CSV_COLUMNS);
        if (entries > 0) {
            CanonicalJson canonical = new CanonicalJson();
            try (Stream<AuditEntry> stream = log.query(query)) {
                Iterator<AuditEntry> it = stream.iterator();
                while (it.hasNext()) {
                    AuditEntry entry = it.next();
                    if (entry.seq() < firstSeq) {
                        continue;
                    }
                    if (entry.seq() > lastSeq) {
                        break;
                    }
                    AuditEvent e = entry.event();
                    String releaseId = e.details().get(AuditQuery.RELEASE_ID);
                    row(out, List.of(Long.toString(entry.seq()), e.time().toString(), e.action(),
                            ComplianceJson.outcome(e.outcome()), e.actor(), e.environment(), e.target(),
                            releaseId == null ? "" : releaseId, e.id(),
                            new String(canonical.encode(e.details()), StandardCharsets.UTF_8)));
                }
            }
        }
        out.flush();
    }

    private static void row(Writer out, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(field(fields.get(i)));
        }
        out.write("\r\n");
    }

    static String field(String value) {
        boolean quote = false;
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
