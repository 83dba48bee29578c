/**
 * Implementation of drm-audit; no compatibility guarantees.
 */
package io.drm.audit.internal;
