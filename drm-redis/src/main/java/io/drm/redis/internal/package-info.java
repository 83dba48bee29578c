/** Implementation of drm-redis: no compatibility guarantees. */
package io.drm.redis.internal;
