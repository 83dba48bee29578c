/**
 * The implementation of drm-core: engine, scanner, ledger, locks. No compatibility guarantees:
 * anything here may change in any release.
 */
package io.drm.internal;
