package io.drm.redis;

import io.drm.ConfigStoreException;
import io.drm.DrmException;
import io.drm.redis.internal.Client;
import io.drm.redis.internal.JsonValues;
import io.drm.redis.internal.Scripts;
import io.drm.redis.internal.Versions;
import io.drm.spi.ConfigDocument;
import io.drm.spi.ConfigStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocketFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * A {@link ConfigStore} over Redis (standalone server, logical database of your choice). Keys,
 * under a prefix ({@code drm:config:} by default):
 * <ul>
 * <li>{@code <prefix>versions}: hash of every stored version to its document's SHA-256;</li>
 * <li>{@code <prefix>names}: hash of every stored version to its document's name;</li>
 * <li>{@code <prefix>doc:<version>}: hash of that version's keys to their JSON values, kept forever;</li>
 * <li>{@code <prefix>live} and {@code <prefix>previous}: the live version and the one live before
 * the last switch, changed together by one Lua script, so readers and a killed process see the old
 * or the new version, never a half-switched pointer.</li>
 * </ul>
 * Values are validated as JSON before anything is written. Thread-safe (a small connection pool);
 * every method may block on the network. Nothing of the password appears in a message, a log line
 * or {@link #toString()}.
 *
 * <pre>{@code
 * try (RedisConfigStore redis = RedisConfigStore.builder().host("redis.internal").port(6379)
 *         .user("drm").password(secret).tls(true).database(2).keyPrefix("shop:config:").build()) {
 *     CanaryResult r = DataRelease.configure().dataSource(ds).locations("classpath:db/release")
 *             .configStore(redis)
 *             .canary(CanaryCheck.sql(ds, "SELECT conversion_rate FROM kpi_now", 0.02))
 *             .window(Duration.ofMinutes(10)).interval(Duration.ofSeconds(30))
 *             .release();
 *     Optional<String> categories = DataRelease.configure().dataSource(ds).configStore(redis).config()
 *             .get("catalog.categories");
 * }
 * }</pre>
 */
public final class RedisConfigStore implements ConfigStore, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RedisConfigStore.class);
    private final Client client;
    private final String where;
    private final String prefix;

    private RedisConfigStore(Client client, String prefix) {
        this.client = client;
        this.where = client.where();
        this.prefix = prefix;
    }

    /**
     * Opens a store on a Redis without password or TLS, logical database 0, prefix {@code drm:config:}.
     *
     * @param host the host
     * @param port the port
     * @return the open store
     * @throws RedisUnavailableException ({@code DRM-REDIS-001}) if Redis cannot be reached
     */
    public static RedisConfigStore open(String host, int port) {
        return builder().host(host).port(port).build();
    }

    /**
     * Starts configuring a store.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the key prefix.
     *
     * @return for example {@code drm:config:}
     */
    public String keyPrefix() {
        return prefix;
    }

    /**
     * Returns the version that was live before the last switch (the {@code previous} pointer,
     * switched together with the live one).
     *
     * @return the version, or empty when the store was switched at most once
     * @throws DrmException if Redis fails
     */
    public Optional<String> previousVersion() {
        return run("read the previous configuration version from", r -> {
            List<?> both = (List<?>) r.eval(Scripts.POINTERS, List.of(key("live"), key("previous")), List.of());
            String previous = String.valueOf(both.get(1));
            return previous.isEmpty() ? Optional.<String>empty() : Optional.of(previous);
        });
    }

    @Override
    public void put(ConfigDocument document) {
        Objects.requireNonNull(document, "document");
        List<String> args = new ArrayList<>(3 + 2 * document.entries().size());
        args.add(document.version());
        args.add(document.sha256());
        args.add(document.name());
        JsonValues.check(document);
        document.entries().forEach((k, v) -> {
            args.add(k);
            args.add(v);
        });
        Object stored = run("store configuration version " + document.version() + " in", r -> {
            try {
                return r.eval(Scripts.PUT, List.of(key("versions"), key("names"), doc(document.version())), args);
            } catch (JedisDataException e) {
                if (e.getMessage() != null && e.getMessage().contains("DRM_CONFLICT")) {
                    String have = e.getMessage().substring(e.getMessage().indexOf("DRM_CONFLICT") + 13).trim();
                    throw new ConfigStoreException("configuration version " + document.version() + " is stored"
                            + " already in " + where + " with other content (sha256:" + firstWord(have) + "). Give the"
                            + " new document a new version. Nothing was written.");
                }
                throw e;
            }
        });
        if (Long.valueOf(1).equals(stored)) {
            LOG.debug("configuration version {} stored in {} ({} keys)", document.version(), where,
                    document.entries().size());
        }
    }

    @Override
    public Optional<String> get(String key, String version) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(version, "version");
        return run("read configuration from", r -> {
            List<String> keys = new ArrayList<>();
            List<String> versions = sortedVersions(r);
            for (int i = versions.size() - 1; i >= 0; i--) {
                if (Versions.compare(versions.get(i), version) <= 0) {
                    keys.add(doc(versions.get(i)));
                }
            }
            if (keys.isEmpty()) {
                return Optional.<String>empty();
            }
            Object value = r.eval(Scripts.GET, keys, List.of(key));
            return value == null ? Optional.<String>empty() : Optional.of(value.toString());
        });
    }

    @Override
    public Map<String, String> entries(String version) {
        Objects.requireNonNull(version, "version");
        return run("read configuration from", r -> {
            Map<String, String> out = new TreeMap<>();
            for (String v : sortedVersions(r)) {
                if (Versions.compare(v, version) <= 0) {
                    out.putAll(r.hgetAll(doc(v)));
                }
            }
            return new LinkedHashMap<>(out);
        });
    }

    @Override
    public List<String> versions() {
        return run("read configuration from", this::sortedVersions);
    }

    @Override
    public Optional<String> liveVersion() {
        return run("read the live configuration version from", r -> Optional.ofNullable(r.get(key("live"))));
    }

    @Override
    public void switchTo(String version) {
        Objects.requireNonNull(version, "version");
        run("switch the live configuration of", r -> swap(r, version, "*"));
        LOG.info("configuration version {} is live in {}", version, where);
    }

    @Override
    public Optional<String> rollback() {
        return run("roll back the configuration of", r -> {
            String live = r.get(key("live"));
            if (live == null) {
                return Optional.<String>empty();
            }
            String below = null;
            for (String v : sortedVersions(r)) {
                if (Versions.compare(v, live) < 0) {
                    below = v;
                }
            }
            if (below == null) {
                return Optional.<String>empty();
            }
            swap(r, below, live);
            LOG.info("configuration rolled back from version {} to {} in {}", live, below, where);
            return Optional.of(below);
        });
    }

    @Override
    public void ping() {
        run("reach", UnifiedJedis::ping);
    }

    private <T> T run(String doing, Function<UnifiedJedis, T> work) {
        return client.run(doing, work);
    }

    @Override
    public String describe() {
        return where + " keys " + prefix + "*";
    }

    /** Closes the connection pool. Safe to call twice. */
    @Override
    public void close() {
        client.close();
    }

    @Override
    public String toString() {
        return "RedisConfigStore[" + describe() + "]";
    }

    private Object swap(UnifiedJedis r, String version, String expected) {
        try {
            return r.eval(Scripts.SWITCH, List.of(key("versions"), key("live"), key("previous")),
                    List.of(version, expected));
        } catch (JedisDataException e) {
            String m = e.getMessage() == null ? "" : e.getMessage();
            if (m.contains("DRM_NOT_STORED")) {
                throw new ConfigStoreException("configuration version " + version + " is not stored in " + where
                        + ", so it cannot be made live. Stored versions are listed by ConfigReader.versions().");
            }
            if (m.contains("DRM_MOVED")) {
                throw new ConfigStoreException("the live configuration version in " + where + " changed while it"
                        + " was rolled back (expected " + expected + "); nothing was switched. Read the live"
                        + " version and retry.");
            }
            throw e;
        }
    }

    private List<String> sortedVersions(UnifiedJedis r) {
        List<String> versions = new ArrayList<>(r.hkeys(key("versions")));
        versions.sort(Versions.ORDER);
        return versions;
    }

    private String key(String name) {
        return prefix + name;
    }

    private String doc(String version) {
        return prefix + "doc:" + version;
    }

    private static String firstWord(String s) {
        int space = s.indexOf(' ');
        return space < 0 ? s : s.substring(0, space);
    }

    /**
     * Configures a {@link RedisConfigStore}. Setters reject {@code null} and nonsense at once;
     * {@link #build()} connects and checks the server. Not thread-safe.
     */
    public static final class Builder {

        private String host = "127.0.0.1";
        private int port = 6379;
        private int database;
        private String user;
        private char[] password;
        private boolean tls;
        private SSLSocketFactory sslSocketFactory;
        private SSLParameters sslParameters;
        private HostnameVerifier hostnameVerifier;
        private String keyPrefix = "drm:config:";
        private Duration timeout = Duration.ofSeconds(2);
        private int maxConnections = 8;

        private Builder() {
        }

        /**
         * Sets the host.
         *
         * @param host a host name or address; default {@code 127.0.0.1}
         * @return this builder
         */
        public Builder host(String host) {
            Objects.requireNonNull(host, "host");
            if (host.isBlank()) {
                throw new IllegalArgumentException("host must not be blank");
            }
            this.host = host;
            return this;
        }

        /**
         * Sets the port.
         *
         * @param port 1 to 65535; default 6379
         * @return this builder
         */
        public Builder port(int port) {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port must be 1..65535: " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * Sets the logical database.
         *
         * @param database 0 or more; default 0
         * @return this builder
         */
        public Builder database(int database) {
            if (database < 0) {
                throw new IllegalArgumentException("database must not be negative: " + database);
            }
            this.database = database;
            return this;
        }

        /**
         * Sets the ACL user (Redis 6 and later); without it, the password authenticates the
         * {@code default} user.
         *
         * @param user the user name
         * @return this builder
         */
        public Builder user(String user) {
            Objects.requireNonNull(user, "user");
            if (user.isBlank()) {
                throw new IllegalArgumentException("user must not be blank");
            }
            this.user = user;
            return this;
        }

        /**
         * Sets the password. It is copied, sent only to Redis, and never logged or shown.
         *
         * @param password the password
         * @return this builder
         */
        public Builder password(char[] password) {
            this.password = Objects.requireNonNull(password, "password").clone();
            return this;
        }

        /**
         * Sets the password. It is sent only to Redis, and never logged or shown.
         *
         * @param password the password
         * @return this builder
         */
        public Builder password(String password) {
            return password(Objects.requireNonNull(password, "password").toCharArray());
        }

        /**
         * Connects with TLS (the JVM's default trust store unless a socket factory is given).
         *
         * @param tls whether to use TLS; default {@code false}
         * @return this builder
         */
        public Builder tls(boolean tls) {
            this.tls = tls;
            return this;
        }

        /**
         * Sets the TLS socket factory (a trust store or client certificate of your own); turns TLS on.
         *
         * @param factory the factory
         * @return this builder
         */
        public Builder sslSocketFactory(SSLSocketFactory factory) {
            this.sslSocketFactory = Objects.requireNonNull(factory, "factory");
            this.tls = true;
            return this;
        }

        /**
         * Sets the TLS parameters (protocols, cipher suites, endpoint identification); turns TLS on.
         *
         * @param parameters the parameters
         * @return this builder
         */
        public Builder sslParameters(SSLParameters parameters) {
            this.sslParameters = Objects.requireNonNull(parameters, "parameters");
            this.tls = true;
            return this;
        }

        /**
         * Sets the TLS host name verifier; turns TLS on.
         *
         * @param verifier the verifier
         * @return this builder
         */
        public Builder hostnameVerifier(HostnameVerifier verifier) {
            this.hostnameVerifier = Objects.requireNonNull(verifier, "verifier");
            this.tls = true;
            return this;
        }

        /**
         * Sets the prefix of every key the store uses, so that several stores (or tests) share a
         * Redis without meeting.
         *
         * @param keyPrefix non-blank, for example {@code shop:config:}; default {@code drm:config:}
         * @return this builder
         */
        public Builder keyPrefix(String keyPrefix) {
            Objects.requireNonNull(keyPrefix, "keyPrefix");
            if (keyPrefix.isBlank() || keyPrefix.length() > 200) {
                throw new IllegalArgumentException("keyPrefix must be 1..200 characters, not blank");
            }
            this.keyPrefix = keyPrefix;
            return this;
        }

        /**
         * Sets the connect and read timeout.
         *
         * @param timeout a positive duration of at most a day; default 2 seconds
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofDays(1)) > 0) {
                throw new IllegalArgumentException("timeout must be positive and at most a day: " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * Sets how many connections the store's pool holds at most.
         *
         * @param maxConnections 1 or more; default 8
         * @return this builder
         */
        public Builder maxConnections(int maxConnections) {
            if (maxConnections < 1) {
                throw new IllegalArgumentException("maxConnections must be at least 1: " + maxConnections);
            }
            this.maxConnections = maxConnections;
            return this;
        }

        /**
         * Connects, authenticates and pings Redis, and returns the open store.
         *
         * @return the store; close it when done
         * @throws RedisUnavailableException ({@code DRM-REDIS-001}) if Redis cannot be reached, the
         *     TLS handshake fails or the credentials are refused; the message names
         *     {@code host:port}, never the password
         */
        @SuppressWarnings("deprecation") // Jedis 8 prefers SslOptions, which takes no SSLSocketFactory
        public RedisConfigStore build() {
            String where = (tls ? "rediss://" : "redis://") + host + ":" + port + "/" + database;
            DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                    .connectionTimeoutMillis((int) timeout.toMillis()).socketTimeoutMillis((int) timeout.toMillis())
                    .database(database).clientName("drm").ssl(tls);
            if (user != null) {
                config.user(user);
            }
            if (password != null) {
                config.password(new String(password));
            }
            if (sslSocketFactory != null) {
                config.sslSocketFactory(sslSocketFactory);
            }
            if (sslParameters != null) {
                config.sslParameters(sslParameters);
            }
            if (hostnameVerifier != null) {
                config.hostnameVerifier(hostnameVerifier);
            }
            return new RedisConfigStore(Client.connect(where, host, port, config.build(), maxConnections), keyPrefix);
        }

        @Override
        public String toString() {
            return "RedisConfigStore.Builder[" + host + ":" + port + "/" + database + (user == null ? "" : " user "
                    + user) + (password == null ? "" : " password ***") + (tls ? " tls" : "") + "]";
        }
    }
}
