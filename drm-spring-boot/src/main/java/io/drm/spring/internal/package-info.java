/** Implementation of drm's Spring Boot support: no compatibility guarantees. */
package io.drm.spring.internal;
