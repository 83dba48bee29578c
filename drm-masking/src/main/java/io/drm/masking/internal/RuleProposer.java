package io.drm.masking.internal;

import io.drm.masking.ColumnClassification;
import io.drm.masking.MaskingRules.RuleSource;
import io.drm.masking.TypedMasker;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Proposes a masker for a classified column: a list of candidates by what the column holds, the
 * first whose masker supports the column's type wins ({@code nullify}, which supports every type,
 * comes last). A proposal is for review, not a decision.
 */
public final class RuleProposer {

    private record Candidate(String masker, Map<String, Object> params) {
    }

    private RuleProposer() {
    }

    /**
     * @param c a sensitive column
     * @param keyId the key id for keyed maskers
     * @return the proposed rule source, or empty when no masker fits
     */
    public static Optional<RuleSource> propose(ColumnClassification c, String keyId) {
        if (!c.sensitive()) {
            return Optional.empty();
        }
        for (Candidate candidate : candidates(c)) {
            MaskerRegistry.Spec spec = MaskerRegistry.spec(candidate.masker()).orElseThrow();
            TypedMasker probe;
            try {
                probe = MaskerRegistry.probe(spec, candidate.params());
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (probe.supports(c.type())) {
                return Optional.of(new RuleSource(spec.name(), spec.keyed() ? keyId : null, candidate.params(),
                        comment(c)));
            }
        }
        return Optional.empty();
    }

    private static String comment(ColumnClassification c) {
        String evidence = ColumnClassification.COLUMN_NAME.equals(c.detector()) ? "from the column name"
                : c.matched() + " of " + c.sampled() + " sampled values matched";
        return String.format(Locale.ROOT, "%s by %s, confidence %.2f (%s); proposed, review before use",
                c.classification(), c.detector(), c.confidence(), evidence);
    }

    private static List<Candidate> candidates(ColumnClassification c) {
        String what = NameHint.of(c.column(), c.type())
                .filter(h -> ColumnClassification.COLUMN_NAME.equals(c.detector())
                        || (h.agrees() != null && h.agrees().id().equals(c.detector())))
                .map(NameHint::key)
                .orElse(c.detector());
        List<String> words = NameHint.words(c.column());
        List<Candidate> out = new ArrayList<>();
        switch (what) {
            case "email" -> out.add(of("email"));
            case "phone" -> out.add(of("phone"));
            case "payment_card" -> out.add(of("card", "keepBinAndLast4", false));
            case "card_code", "secret", "health" -> out.add(of("redact"));
            case "iban", "national_id" -> out.add(of("fpe", "alphabet", "digits"));
            case "first_name" -> out.add(of("first_name"));
            case "last_name" -> out.add(of("last_name"));
            case "full_name", "person_name" -> out.add(of("full_name"));
            case "street_address" -> out.add(words.contains("city") ? of("city") : of("street_address"));
            case "postcode" -> out.add(of("postcode_prefix", "keep", 3));
            case "date_of_birth" -> {
                out.add(of("date_shift", "maxDays", 30));
                out.add(of("redact"));
            }
            default -> { }
        }
        out.add(of("token"));
        out.add(of("nullify"));
        return out;
    }

    private static Candidate of(String masker) {
        return new Candidate(masker, Map.of());
    }

    private static Candidate of(String masker, String param, Object value) {
        return new Candidate(masker, Map.of(param, value));
    }
}
