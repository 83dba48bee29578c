/**
 * Data artifacts and configuration documents: reading, checking and loading them. No compatibility
 * guarantees.
 */
package io.drm.internal.data;
