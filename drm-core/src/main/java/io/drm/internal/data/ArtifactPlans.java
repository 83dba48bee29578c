package io.drm.internal.data;

import io.drm.PlannedArtifact;
import io.drm.ReleaseStep;
import io.drm.StepKind;
import io.drm.internal.ScannedFile;
import io.drm.internal.ScannedLocations;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Describes a plan's artifacts for {@link io.drm.ReleasePlan#artifacts()}. */
public final class ArtifactPlans {

    private ArtifactPlans() {
    }

    /**
     * Lists the artifacts of a plan's steps.
     *
     * @param steps the steps
     * @param scan the scanned locations they come from
     * @return the artifacts, in step order
     */
    public static List<PlannedArtifact> of(List<ReleaseStep> steps, ScannedLocations scan) {
        List<PlannedArtifact> out = new ArrayList<>();
        Map<String, ScannedFile> files = null;
        for (ReleaseStep step : steps) {
            if (step.kind() != StepKind.DATA && step.kind() != StepKind.CONFIG) {
                continue;
            }
            if (files == null) {
                files = scan.byRelativePath();
            }
            ScannedFile file = files.get(step.source());
            if (file == null || file.artifact() == null) {
                continue;
            }
            ArtifactFile a = file.artifact();
            boolean config = a.name().kind() == StepKind.CONFIG;
            out.add(new PlannedArtifact(a.version(), a.name().kind(), file.relativePath(),
                    config ? "drm_config" : a.table(), config ? "config" : a.manifest().effectiveMode().label(),
                    a.rows(), a.name().encrypted()));
        }
        return out;
    }
}
