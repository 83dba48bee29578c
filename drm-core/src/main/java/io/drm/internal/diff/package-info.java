/**
 * Table diff and table fingerprints: canonical row text in SQL, segment checksums and bisection.
 * No compatibility guarantees.
 */
package io.drm.internal.diff;
