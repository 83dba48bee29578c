/**
 * Implementation of drm-masking; no compatibility guarantees.
 */
package io.drm.masking.internal;
