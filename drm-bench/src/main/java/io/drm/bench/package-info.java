/**
 * Benchmarks that run drm and its anchor, plain Flyway, side by side in one process and print the
 * ratio drm / Flyway per scenario. Entry point: {@link io.drm.bench.ReleaseBenchmark}.
 */
package io.drm.bench;
