package io.drm;

import io.drm.internal.RollbackEngine;
import io.drm.internal.Settings;
import java.util.Objects;

/**
 * Plans rollbacks: the applied versions above a target are undone in reverse version order, each
 * with its undo script ({@code U<version>__<description>.sql} beside the {@code V} script it
 * reverses) or, where there is none, with the undo drm recorded when the step ran (generated
 * statements and the safety snapshots of the data it destroyed). Obtained from
 * {@link DataRelease.Builder#rollback()}.
 *
 * <pre>{@code
 * ReleasePlan rollback = DataRelease.configure()
 *         .dataSource(dataSource)
 *         .locations("classpath:db/release")
 *         .rollback()
 *         .lastRelease();
 * System.out.println(rollback.explain());   // every step and how it is undone
 * ReleaseResult result = rollback.apply(); // under the release lock; Flyway's history follows
 * }</pre>
 *
 * <p>Each method plans at once and throws before anything runs when a step has neither an undo
 * script nor a recorded undo ({@link RollbackNotPossibleException}, naming every such step) or
 * when the target is not valid ({@link InvalidRollbackTargetException}). Applying takes the release
 * lock, plans again and refuses a plan that changed. Undone versions are removed from Flyway's
 * history, so a later release applies them again; the ledger records the rollback (status
 * {@code ROLLBACK}) and the audit trail has one {@code migration.undone} event a step and
 * {@code release.rolled_back}. On PostgreSQL the rollback is one transaction.
 */
public final class Rollback {

    private final Settings settings;

    Rollback(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Plans a rollback to a version: every applied version above it is undone.
     *
     * @param version an applied version, or {@code "0"} for before every migration
     * @return the plan
     * @throws InvalidRollbackTargetException if the version is not applied or is above the current one
     * @throws RollbackNotPossibleException if a step to undo has no way back
     */
    public ReleasePlan toVersion(String version) {
        Objects.requireNonNull(version, "version");
        if (version.isBlank()) {
            throw new IllegalArgumentException("version must not be blank");
        }
        return plan(new RollbackEngine.ToVersion(version));
    }

    /**
     * Plans a rollback of the latest drm release whose steps are still applied (and of anything
     * applied after it).
     *
     * @return the plan
     * @throws InvalidRollbackTargetException if no drm release has steps still applied
     * @throws RollbackNotPossibleException if a step to undo has no way back
     */
    public ReleasePlan lastRelease() {
        return plan(new RollbackEngine.LastRelease());
    }

    /**
     * Plans a rollback of one release: the database goes back to the version it had before that
     * release, so releases applied after it are undone too.
     *
     * @param releaseId the release's id ({@link ReleaseResult#releaseId()}, {@code drm_release.id})
     * @return the plan
     * @throws InvalidRollbackTargetException if there is no such release or nothing of it is applied
     * @throws RollbackNotPossibleException if a step to undo has no way back
     */
    public ReleasePlan release(String releaseId) {
        Objects.requireNonNull(releaseId, "releaseId");
        return plan(new RollbackEngine.OfRelease(releaseId));
    }

    private ReleasePlan plan(RollbackEngine.Target target) {
        RollbackEngine engine = new RollbackEngine(settings);
        RollbackEngine.Planned planned = engine.plan(target);
        return new ReleasePlan(planned.plan().id(), planned.plan().currentVersion(), planned.plan().targetVersion(),
                planned.plan().steps(), () -> engine.apply(planned, target), java.util.List.of(),
                () -> engine.dryRun(planned));
    }
}
