package io.drm.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drm.ConfigStoreException;
import io.drm.InvalidConfigException;
import io.drm.spi.ConfigDocument;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/** The Redis store on the real Redis: versions, the atomic switch with its previous pointer, rollback, bad input. */
final class RedisConfigStoreTest {

    private static ConfigDocument doc(String version, String... kv) {
        Map<String, String> entries = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            entries.put(kv[i], kv[i + 1]);
        }
        return new ConfigDocument("flags", version, ("sha-" + version + "-" + entries).replaceAll("[^a-z0-9-]", ""),
                entries);
    }

    @Test
    void each_version_is_kept_and_read_as_of_any_version() {
        try (TestRedis redis = TestRedis.create(); RedisConfigStore store = redis.open()) {
            store.put(doc("1.9", "a", "1", "b", "\"x\""));
            store.put(doc("1.10", "a", "2"));
            store.put(doc("2", "c", "{\"k\":true}"));
            assertThat(store.versions()).containsExactly("1.9", "1.10", "2");
            assertThat(store.get("a", "1.9")).contains("1");
            assertThat(store.get("a", "1.10")).contains("2");
            assertThat(store.get("b", "2")).contains("\"x\"");
            assertThat(store.get("c", "1.10")).isEmpty();
            assertThat(store.get("a", "1")).isEmpty();
            assertThat(store.entries("2")).containsExactly(Map.entry("a", "2"), Map.entry("b", "\"x\""),
                    Map.entry("c", "{\"k\":true}"));
            assertThat(store.liveVersion()).isEmpty();
            try (Jedis j = TestRedis.raw()) {
                assertThat(j.hgetAll(redis.prefix() + "doc:1.9")).containsOnlyKeys("a", "b");
            }
        }
    }

    @Test
    void a_switch_moves_the_live_and_previous_pointers_together_and_rollback_goes_back() {
        try (TestRedis redis = TestRedis.create(); RedisConfigStore store = redis.open()) {
            store.put(doc("1", "a", "1"));
            store.put(doc("2", "a", "2"));
            store.put(doc("3", "a", "3"));
            store.switchTo("1");
            assertThat(store.previousVersion()).isEmpty();
            store.switchTo("3");
            assertThat(store.liveVersion()).contains("3");
            assertThat(store.previousVersion()).contains("1");
            assertThat(store.rollback()).contains("2");
            assertThat(store.liveVersion()).contains("2");
            assertThat(store.previousVersion()).contains("3");
            assertThat(store.rollback()).contains("1");
            assertThat(store.rollback()).isEmpty();
            assertThat(store.liveVersion()).contains("1");
        }
    }

    @Test
    void the_same_version_again_is_a_no_op_and_other_content_is_refused_with_nothing_written() {
        try (TestRedis redis = TestRedis.create(); RedisConfigStore store = redis.open()) {
            store.put(doc("1", "a", "1"));
            store.put(doc("1", "a", "1"));
            assertThatThrownBy(() -> store.put(doc("1", "a", "2", "b", "3")))
                    .isInstanceOfSatisfying(ConfigStoreException.class, e -> {
                        assertThat(e.code().id()).isEqualTo("DRM-DATA-008");
                        assertThat(e.getMessage()).contains("version 1 is stored already");
                    });
            assertThat(store.entries("1")).containsExactly(Map.entry("a", "1"));
        }
    }

    @Test
    void a_value_that_is_not_json_is_refused_before_anything_is_written() {
        try (TestRedis redis = TestRedis.create(); RedisConfigStore store = redis.open()) {
            assertThatThrownBy(() -> store.put(doc("1", "ok", "1", "bad", "{not json")))
                    .isInstanceOfSatisfying(InvalidConfigException.class, e -> {
                        assertThat(e.code().id()).isEqualTo("DRM-DATA-007");
                        assertThat(e.getMessage()).contains("'bad'").contains("not valid JSON")
                                .doesNotContain("{not json");
                    });
            assertThatThrownBy(() -> store.put(doc("1", "two", "1 2"))).isInstanceOf(InvalidConfigException.class);
            assertThat(store.versions()).isEmpty();
            try (Jedis j = TestRedis.raw()) {
                assertThat(j.keys(redis.prefix() + "*")).isEmpty();
            }
        }
    }

    @Test
    void switching_to_a_version_that_is_not_stored_changes_nothing() {
        try (TestRedis redis = TestRedis.create(); RedisConfigStore store = redis.open()) {
            store.put(doc("1", "a", "1"));
            store.switchTo("1");
            assertThatThrownBy(() -> store.switchTo("7")).isInstanceOfSatisfying(ConfigStoreException.class,
                    e -> assertThat(e.getMessage()).contains("version 7 is not stored"));
            assertThat(store.liveVersion()).contains("1");
        }
    }

    @Test
    void an_unreachable_redis_is_refused_with_host_and_port_and_never_the_password() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        int closedPort = port;
        assertThatThrownBy(() -> RedisConfigStore.builder().host("127.0.0.1").port(closedPort)
                .password("s3cret-Pa55").build())
                .isInstanceOfSatisfying(RedisUnavailableException.class, e -> {
                    assertThat(e.code().id()).isEqualTo("DRM-REDIS-001");
                    assertThat(e.getMessage()).contains("127.0.0.1:" + closedPort).doesNotContain("s3cret-Pa55");
                });
    }

    @Test
    void an_acl_user_with_its_password_is_accepted_and_a_wrong_password_refused_without_showing_it() {
        try (TestRedis redis = TestRedis.create()) {
            String user = "drm-test-" + redis.prefix().hashCode();
            try (Jedis j = TestRedis.raw()) {
                j.aclSetUser(user, "on", ">right-Pa55word", "~" + redis.prefix() + "*", "+@all");
            }
            try {
                try (RedisConfigStore store = redis.builder().user(user).password("right-Pa55word").build()) {
                    store.put(doc("1", "a", "1"));
                    store.switchTo("1");
                    assertThat(store.liveVersion()).contains("1");
                    assertThat(store.toString()).doesNotContain("right-Pa55word");
                }
                assertThatThrownBy(() -> redis.builder().user(user).password("wrong-Pa55word").build())
                        .isInstanceOfSatisfying(RedisUnavailableException.class, e -> {
                            assertThat(e.code().id()).isEqualTo("DRM-REDIS-001");
                            assertThat(e.getMessage()).contains("127.0.0.1:6379").doesNotContain("Pa55word");
                        });
                assertThat(redis.builder().password("wrong-Pa55word").toString()).doesNotContain("Pa55word");
            } finally {
                try (Jedis j = TestRedis.raw()) {
                    j.aclDelUser(user);
                }
            }
        }
    }
}
