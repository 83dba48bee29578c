/**
 * drm's public API: {@link io.drm.DataRelease} to configure, plan and apply releases,
 * {@link io.drm.ReleasePlan}, {@link io.drm.ReleaseResult}, {@link io.drm.ArtifactVersion}, and
 * {@link io.drm.DrmException} with its subclasses and stable {@link io.drm.ErrorCode}s.
 */
package io.drm;
