/**
 * drm's configuration store over Redis: {@link io.drm.redis.RedisConfigStore}, a
 * {@link io.drm.spi.ConfigStore} with every version's document under its own key, an atomic
 * switch of the live version (one Lua script changes the live and previous pointers together),
 * rollback, and the same canary flow as the database's store.
 */
package io.drm.redis;
