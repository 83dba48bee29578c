package io.drm.internal;

import io.drm.ArtifactVersion;
import io.drm.Attestation;
import io.drm.AuditException;
import io.drm.PlannedArtifact;
import io.drm.PromotionRefusedException;
import io.drm.spi.AuditEvent;
import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks, before the release lock, that a release to an environment that requires it carries a
 * valid attestation from the environment before it for exactly the content about to run; audits
 * {@code promotion.accepted} or {@code promotion.refused}.
 */
public final class PromotionGate {

    private PromotionGate() {
    }

    /**
     * Tells whether the release needs an attestation.
     *
     * @param settings the settings
     * @return {@code true} when an environment's attestation is required
     */
    public static boolean required(Settings settings) {
        return settings.promotion().requireFrom() != null;
    }

    /**
     * Checks a plan; does nothing when no attestation is required or nothing is pending.
     *
     * @param settings the settings
     * @param target the audit target
     * @param plan the plan about to run
     * @throws PromotionRefusedException with the reason's code when refused
     */
    public static void check(Settings settings, String target, PlanState plan) {
        PromotionSettings p = settings.promotion();
        if (p.requireFrom() == null || plan.isEmpty()) {
            return;
        }
        Auditor audit = new Auditor(settings, target);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("planId", plan.id());
        details.put("requiredFrom", p.requireFrom());
        List<Attestation.Step> steps = plan.steps().stream().map(Attestation.Step::of).toList();
        List<ArtifactVersion> artifacts = io.drm.internal.data.ArtifactPlans.of(plan.steps(), plan.scan()).stream()
                .map(PlannedArtifact::version).toList();
        String expected = Attestation.contentHash(steps, artifacts);
        details.put("contentHash", expected);
        Attestation a = p.promotedFrom();
        if (a != null) {
            details.put("attestedPlanId", a.planId());
            details.put("attestedEnvironment", a.environment());
            details.put("attestedContentHash", a.schemaHash());
        }
        PromotionRefusedException refusal = refusal(settings, p.requireFrom(), plan, steps, artifacts, expected);
        if (refusal == null) {
            audit.append("promotion.accepted", AuditEvent.Outcome.SUCCESS, details,
                    "Audit is fail-closed: the release did not start and nothing was applied.");
            return;
        }
        details.put("reason", refusal.code().id());
        try {
            audit.append("promotion.refused", AuditEvent.Outcome.FAILURE, details, "");
        } catch (AuditException e) {
            refusal.addSuppressed(e);
        }
        throw refusal;
    }

    /**
     * Tells why a plan does not carry a valid attestation from an environment, for the policy rule
     * {@code require-attestation}; audits nothing.
     *
     * @param settings the settings (the attestation given and the trusted keys)
     * @param from the environment that must have released the same content
     * @param plan the plan about to run
     * @return the refusal's message, or empty when the attestation is valid
     */
    public static java.util.Optional<String> problem(Settings settings, String from, PlanState plan) {
        List<Attestation.Step> steps = plan.steps().stream().map(Attestation.Step::of).toList();
        List<ArtifactVersion> artifacts = io.drm.internal.data.ArtifactPlans.of(plan.steps(), plan.scan()).stream()
                .map(PlannedArtifact::version).toList();
        PromotionRefusedException r = refusal(settings, from, plan, steps, artifacts,
                Attestation.contentHash(steps, artifacts));
        return r == null ? java.util.Optional.empty() : java.util.Optional.of(r.getMessage());
    }

    private static PromotionRefusedException refusal(Settings settings, String from, PlanState plan,
            List<Attestation.Step> steps, List<ArtifactVersion> artifacts, String expected) {
        PromotionSettings p = settings.promotion();
        Attestation a = p.promotedFrom();
        String where = "the release of plan " + plan.id() + " to " + settings.environment();
        PromotionRefusedException refusal = null;
        if (a == null) {
            refusal = new PromotionRefusedException(PromotionRefusedException.MISSING, where + " needs an attestation"
                    + " from " + from + ", and none was given. Release the same locations to "
                    + from + " with an attestation key, and pass its ReleaseResult.attestation() to"
                    + " promotedFrom(...). Nothing was applied.");
        } else {
            if (!a.verify(p.trustedKeys().toArray(new PublicKey[0]))) {
                refusal = new PromotionRefusedException(PromotionRefusedException.UNTRUSTED, where + " was given an"
                        + " attestation that is " + (a.signed() ? "not validly signed by any of the "
                        + p.trustedKeys().size() + " trusted keys (unknown key, or altered content)" : "unsigned")
                        + ". Pass the attestation exactly as " + from + "'s release wrote it, and trust "
                        + from + "'s public key with trustAttestationKeys(...). Nothing was applied.");
            } else if (!a.environment().equals(from)) {
                refusal = new PromotionRefusedException(PromotionRefusedException.WRONG_ENVIRONMENT, where
                        + " needs an attestation from " + from + ", but the one given is from "
                        + a.environment() + ". Release to " + from + " first and pass that attestation."
                        + " Nothing was applied.");
            } else if (!a.schemaHash().equals(expected)) {
                refusal = new PromotionRefusedException(PromotionRefusedException.DIFFERENT_CONTENT, where
                        + " would run " + steps.size() + " steps and " + artifacts.size() + " artifacts (content "
                        + expected + "), but " + from + " attested " + a.steps().size() + " steps and "
                        + a.artifacts().size() + " artifacts (content " + a.schemaHash() + "). Only what was"
                        + " released to " + from + " can be promoted: release these locations to "
                        + from + " first. Nothing was applied.");
            }
        }
        return refusal;
    }
}
