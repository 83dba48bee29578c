/**
 * Schema snapshots for drift detection: reading, canonical JSON, recording and comparing. No
 * compatibility guarantees.
 */
package io.drm.internal.schema;
