package io.drm.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * PostgreSQL through a HikariCP pool, as an application with a pool starts: each fresh database is a
 * new schema (as {@link PostgresDatabase}), reached through a pool of at most 8 connections that
 * drm and Flyway share; closing it closes the pool and drops the schema.
 */
final class PooledPostgresDatabase implements BenchDatabase {

    private final PostgresDatabase server;

    /**
     * Pools connections to a PostgreSQL server.
     *
     * @param server the server
     */
    PooledPostgresDatabase(PostgresDatabase server) {
        this.server = server;
    }

    @Override
    public String name() {
        return "postgresql-hikari";
    }

    @Override
    public String unreachableReason() {
        return server.unreachableReason();
    }

    @Override
    public Fresh fresh() {
        Fresh schema = server.fresh();
        HikariConfig config = new HikariConfig();
        config.setDataSource(schema.dataSource());
        config.setMaximumPoolSize(8);
        config.setPoolName("bench");
        HikariDataSource pool = new HikariDataSource(config);
        return Fresh.of(pool, () -> {
            pool.close();
            schema.close();
        });
    }
}
