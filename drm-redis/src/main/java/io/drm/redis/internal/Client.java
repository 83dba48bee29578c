package io.drm.redis.internal;

import io.drm.ConfigStoreException;
import io.drm.redis.RedisUnavailableException;
import java.util.function.Function;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.Connection;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The store's Jedis client (a small pool) and the translation of Jedis failures into coded
 * errors: connection failures and refused credentials are {@code DRM-REDIS-001}, other error
 * answers {@code DRM-DATA-008}. Messages name where Redis is, never a password.
 */
public final class Client implements AutoCloseable {

    private final UnifiedJedis jedis;
    private final String where;
    private volatile boolean closed;

    private Client(UnifiedJedis jedis, String where) {
        this.jedis = jedis;
        this.where = where;
    }

    /**
     * Creates the client and pings Redis.
     *
     * @param where {@code redis://host:port/db}, for messages
     * @param host the host
     * @param port the port
     * @param config the client configuration (credentials, TLS, timeouts, database)
     * @param maxConnections the pool's size
     * @return the client
     * @throws RedisUnavailableException if Redis cannot be reached or refuses the credentials
     */
    public static Client connect(String where, String host, int port, JedisClientConfig config, int maxConnections) {
        GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
        pool.setMaxTotal(maxConnections);
        pool.setMaxIdle(maxConnections);
        pool.setJmxEnabled(false);
        Client client;
        try {
            client = new Client(RedisClient.builder().hostAndPort(host, port).clientConfig(config).poolConfig(pool)
                    .build(), where);
        } catch (JedisException e) {
            throw unavailable("connect to", where, e);
        }
        try {
            client.run("reach", UnifiedJedis::ping);
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
        return client;
    }

    /**
     * Returns where Redis is.
     *
     * @return {@code redis://host:port/db} or {@code rediss://...}
     */
    public String where() {
        return where;
    }

    /**
     * Runs commands, translating failures.
     *
     * @param doing what is done, for messages ("read configuration from")
     * @param work the commands
     * @param <T> the result
     * @return the result
     * @throws RedisUnavailableException if Redis cannot be reached or refuses the credentials
     * @throws ConfigStoreException for another error answer
     */
    public <T> T run(String doing, Function<UnifiedJedis, T> work) {
        if (closed) {
            throw new IllegalStateException("the store " + where + " is closed");
        }
        try {
            return work.apply(jedis);
        } catch (JedisConnectionException e) {
            throw unavailable(doing, where, e);
        } catch (JedisDataException e) {
            String m = e.getMessage() == null ? "" : e.getMessage();
            if (m.startsWith("NOAUTH") || m.startsWith("WRONGPASS") || m.startsWith("NOPERM")) {
                throw unavailable(doing, where, e);
            }
            throw new ConfigStoreException("cannot " + doing + " " + where + ": Redis answered " + firstLine(m), e);
        } catch (JedisException e) {
            throw new ConfigStoreException("cannot " + doing + " " + where + ": " + firstLine(e.getMessage()), e);
        }
    }

    /** Closes the pool. Safe to call twice. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            jedis.close();
        }
    }

    private static RedisUnavailableException unavailable(String doing, String where, JedisException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String why = root == e ? firstLine(e.getMessage()) : root.getClass().getSimpleName() + ": "
                + firstLine(root.getMessage());
        return new RedisUnavailableException("cannot " + doing + " Redis at " + where + ": " + why + ". Nothing was"
                + " written or switched. Check that Redis runs there and that the user, password and TLS settings"
                + " match.", e);
    }

    /**
     * Returns the first line of a message.
     *
     * @param s the message, or {@code null}
     * @return its first line
     */
    public static String firstLine(String s) {
        if (s == null) {
            return "(no message)";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
