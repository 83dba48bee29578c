package io.drm.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import io.drm.spi.AuditEvent;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/** The JSON export of a {@link ComplianceReport}: one job, writing what the report holds. */
final class ComplianceJson {

    private static final JsonFactory JSON = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private ComplianceJson() {
    }

    static void write(ComplianceReport r, Writer out) throws IOException {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.setPrettyPrinter(pretty);
            g.writeStartObject();
            g.writeStringField("type", ComplianceReport.TYPE);
            g.writeObjectFieldStart("period");
            g.writeStringField("from", r.from().toString());
            g.writeStringField("until", r.until().toString());
            g.writeEndObject();
            g.writeStringField("environment", r.environment().orElse(null));
            g.writeNumberField("entries", r.entries());
            seq(g, "firstSeq", r.firstSeq());
            seq(g, "lastSeq", r.lastSeq());
            g.writeObjectFieldStart("actions");
            for (Map.Entry<String, Long> e : r.actionCounts().entrySet()) {
                g.writeNumberField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeObjectFieldStart("outcomes");
            for (Map.Entry<AuditEvent.Outcome, Long> e : r.outcomeCounts().entrySet()) {
                g.writeNumberField(outcome(e.getKey()), e.getValue());
            }
            g.writeEndObject();
            g.writeArrayFieldStart("releases");
            for (ComplianceReport.Release rel : r.releases()) {
                g.writeStartObject();
                g.writeStringField("releaseId", rel.releaseId());
                g.writeStringField("environment", rel.environment());
                g.writeStringField("actor", rel.actor());
                g.writeStringField("firstTime", rel.firstTime().toString());
                g.writeStringField("lastTime", rel.lastTime().toString());
                g.writeNumberField("firstSeq", rel.firstSeq());
                g.writeNumberField("lastSeq", rel.lastSeq());
                g.writeNumberField("events", rel.events());
                g.writeStringField("outcome", rel.outcome().label());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("failures");
            for (AuditEntry f : r.failures()) {
                AuditEvent e = f.event();
                g.writeStartObject();
                g.writeNumberField("seq", f.seq());
                g.writeStringField("time", e.time().toString());
                g.writeStringField("action", e.action());
                g.writeStringField("outcome", outcome(e.outcome()));
                g.writeStringField("actor", e.actor());
                g.writeStringField("environment", e.environment());
                g.writeStringField("target", e.target());
                g.writeStringField("releaseId", e.details().get(AuditQuery.RELEASE_ID));
                g.writeStringField("eventId", e.id());
                g.writeObjectFieldStart("details");
                for (Map.Entry<String, String> d : e.details().entrySet()) {
                    g.writeStringField(d.getKey(), d.getValue());
                }
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            if (r.verification().isPresent()) {
                verification(g, r.verification().get());
            }
            g.writeEndObject();
        }
        out.flush();
    }

    private static void verification(JsonGenerator g, VerificationReport verification) throws IOException {
        g.writeObjectFieldStart("verification");
        g.writeBooleanField("ok", verification.ok());
        g.writeBooleanField("intact", verification.intact());
        g.writeStringField("verdict", verification.verdict());
        g.writeNumberField("entries", verification.entries());
        g.writeBooleanField("signaturesChecked", verification.signaturesChecked());
        Checkpoint cp = verification.latestCheckpoint();
        if (cp == null) {
            g.writeNullField("latestCheckpoint");
        } else {
            g.writeObjectFieldStart("latestCheckpoint");
            g.writeNumberField("treeSize", cp.treeSize());
            g.writeStringField("rootHash", cp.rootHash());
            g.writeEndObject();
        }
        VerificationReport.Problem p = verification.problem();
        if (p == null) {
            g.writeNullField("firstProblem");
        } else {
            g.writeObjectFieldStart("firstProblem");
            g.writeStringField("kind", p.kind().name());
            g.writeNumberField("seq", p.seq());
            g.writeStringField("location", p.location());
            g.writeStringField("detail", p.detail());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void seq(JsonGenerator g, String name, OptionalLong seq) throws IOException {
        if (seq.isPresent()) {
            g.writeNumberField(name, seq.getAsLong());
        } else {
            g.writeNullField(name);
        }
    }

    static String outcome(AuditEvent.Outcome outcome) {
        return outcome.name().toLowerCase(Locale.ROOT);
    }
}
