/**
 * Spring Boot auto-configuration for drm: the {@code drm.*} properties, the startup release that
 * runs before any bean that needs the schema, metrics and health. See {@code docs/spring-boot.md}.
 */
package io.drm.spring;
