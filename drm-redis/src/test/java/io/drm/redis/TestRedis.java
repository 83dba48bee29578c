package io.drm.redis;

import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * The test Redis at 127.0.0.1:6379, logical database 3, with a unique key prefix per use, removed by
 * {@link #close()}. Unreachable: the test is skipped with the reason, or fails when
 * {@code DRM_REQUIRE_DBS=1} (as {@code io.drm.testing.TestDatabase} treats database servers).
 */
final class TestRedis implements AutoCloseable {

    static final String HOST = "127.0.0.1";
    static final int PORT = 6379;
    static final int DATABASE = 3;

    private final String prefix;

    private TestRedis(String prefix) {
        this.prefix = prefix;
    }

    static TestRedis create() {
        try (Jedis j = raw()) {
            j.ping();
        } catch (RuntimeException e) {
            String message = "Redis at " + HOST + ":" + PORT + " is not reachable (" + e.getMessage() + ")";
            if ("1".equals(System.getenv("DRM_REQUIRE_DBS"))) {
                throw new IllegalStateException(message + " and DRM_REQUIRE_DBS=1 requires it", e);
            }
            Assumptions.abort(message + "; set DRM_REQUIRE_DBS=1 to make this a failure");
        }
        return new TestRedis("drm-test:" + UUID.randomUUID() + ":");
    }

    static Jedis raw() {
        return new Jedis(HOST, PORT, DefaultJedisClientConfig.builder().database(DATABASE).build());
    }

    String prefix() {
        return prefix;
    }

    RedisConfigStore.Builder builder() {
        return RedisConfigStore.builder().host(HOST).port(PORT).database(DATABASE).keyPrefix(prefix);
    }

    RedisConfigStore open() {
        return builder().build();
    }

    @Override
    public void close() {
        try (Jedis j = raw()) {
            String cursor = ScanParams.SCAN_POINTER_START;
            do {
                ScanResult<String> page = j.scan(cursor, new ScanParams().match(prefix + "*").count(500));
                if (!page.getResult().isEmpty()) {
                    j.del(page.getResult().toArray(new String[0]));
                }
                cursor = page.getCursor();
            } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        }
    }
}
