/**
 * The {@link io.drm.spi.Masker} catalogue, masking rules and envelope encryption.
 *
 * <p>This module is a placeholder until its own issue lands; the {@code Masker} SPI is declared
 * in drm-core.
 */
package io.drm.masking;
