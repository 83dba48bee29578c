package io.drm.spi;

import java.util.Objects;

/**
 * What a release's database connection is: which database, which user, with which rights, over
 * which transport.
 *
 * @param database the database kind ({@code h2}, {@code postgresql}, {@code mysql}, {@code other})
 * @param user the database user, as the server names it
 * @param superuser whether the user is a superuser: PostgreSQL {@code rolsuper}; MySQL/MariaDB
 *     {@code root}, {@code SUPER} or {@code ALL PRIVILEGES ON *.*}; H2 {@code ADMIN}
 * @param privilege what made it a superuser (for messages), or {@code null}
 * @param tls whether the connection is encrypted (PostgreSQL {@code pg_stat_ssl}, MySQL/MariaDB
 *     {@code Ssl_cipher}); {@code false} for embedded H2
 * @param host the host from the JDBC URL, or {@code null} for an embedded database
 * @param local whether the host is this machine (loopback, {@code localhost}) or the database embedded
 */
public record ConnectionFacts(String database, String user, boolean superuser, String privilege, boolean tls,
        String host, boolean local) {

    /** Validates. */
    public ConnectionFacts {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(user, "user");
    }
}
