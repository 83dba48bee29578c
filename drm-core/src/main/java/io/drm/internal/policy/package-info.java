/**
 * The policy engine: built-in rules, policy files, plan facts, approvals. Internal: no
 * compatibility guarantees.
 */
package io.drm.internal.policy;
