package io.drm.redis;

import io.drm.testing.CanaryMain;
import java.util.Arrays;

/**
 * A child JVM that runs a canary with the Redis store (test Redis, logical database 3). Arguments:
 * those of {@link CanaryMain}, then the key prefix.
 */
public final class RedisCanaryMain {

    private RedisCanaryMain() {
    }

    /**
     * Runs the canary.
     *
     * @param args url, user, location, window millis, key prefix
     */
    public static void main(String[] args) {
        RedisConfigStore store = RedisConfigStore.builder().host(TestRedis.HOST).port(TestRedis.PORT)
                .database(TestRedis.DATABASE).keyPrefix(args[4]).build();
        CanaryMain.run(Arrays.copyOf(args, 4), store);
    }
}
