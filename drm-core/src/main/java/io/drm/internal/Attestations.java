package io.drm.internal;

import io.drm.Attestation;
import io.drm.LoadedArtifact;
import java.util.ArrayList;
import java.util.List;

/** Builds the attestation of an applied release, signed when the settings hold a key. */
final class Attestations {

    private Attestations() {
    }

    static Attestation of(Settings settings, PlanState plan, ScannedLocations scan, List<LoadedArtifact> loaded) {
        List<String> checks = new ArrayList<>(List.of("locations-scanned", "checksums-validated",
                "plan-unchanged-under-lock", "steps-applied", "ledger-recorded", "audit-recorded"));
        if (!loaded.isEmpty()) {
            checks.add("artifacts-validated");
        }
        if (settings.promotion().requireFrom() != null) {
            checks.add("promotion-from-" + settings.promotion().requireFrom());
        }
        Attestation a = Attestation.unsigned(plan.id(), settings.environment(), settings.clock().instant(),
                plan.steps().stream().map(Attestation.Step::of).toList(),
                io.drm.internal.data.ArtifactPlans.of(plan.steps(), scan).stream().map(io.drm.PlannedArtifact::version)
                        .toList(), checks);
        return settings.promotion().signingKey() == null ? a : a.signedWith(settings.promotion().signingKey());
    }
}
