/**
 * The SQL lint: rules over the statement classifier's actions, and dependency checks against the
 * live catalog. No compatibility guarantees: anything here may change in any release.
 */
package io.drm.internal.lint;
