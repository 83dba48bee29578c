package io.drm.internal.policy;

import io.drm.internal.DatabaseKind;
import io.drm.spi.ConnectionFacts;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/** Reads who a connection is, with which rights, over which transport. */
public final class Probe {

    private Probe() {
    }

    /**
     * Reads the facts of a connection: one or three queries, nothing written.
     *
     * @param c the connection
     * @param kind its database's kind
     * @return the facts
     * @throws SQLException if the server refuses the queries
     */
    public static ConnectionFacts probe(Connection c, DatabaseKind kind) throws SQLException {
        String url = c.getMetaData().getURL();
        String host = host(url, kind);
        boolean local = host == null || isLocal(host);
        return switch (kind) {
            case POSTGRESQL -> postgres(c, host, local);
            case MYSQL -> mysql(c, host, local);
            case H2 -> h2(c, host, local);
            default -> new ConnectionFacts(kind.label(), String.valueOf(c.getMetaData().getUserName()), false, null,
                    false, host, local);
        };
    }

    private static ConnectionFacts postgres(Connection c, String host, boolean local) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT current_user,"
                + " (SELECT rolsuper FROM pg_roles WHERE rolname = current_user),"
                + " COALESCE((SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()), false)")) {
            rs.next();
            boolean su = rs.getBoolean(2);
            return new ConnectionFacts("postgresql", rs.getString(1), su, su ? "rolsuper" : null, rs.getBoolean(3),
                    host, local);
        }
    }

    private static ConnectionFacts mysql(Connection c, String host, boolean local) throws SQLException {
        String user;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT CURRENT_USER()")) {
            rs.next();
            user = rs.getString(1);
        }
        String privilege = user.toLowerCase(Locale.ROOT).startsWith("root@") ? "root" : null;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW GRANTS")) {
            while (rs.next() && privilege == null) {
                String g = rs.getString(1).toUpperCase(Locale.ROOT);
                if (g.startsWith("GRANT ALL PRIVILEGES ON *.*")) {
                    privilege = "ALL PRIVILEGES ON *.*";
                } else if (g.matches("GRANT .*\\bSUPER\\b.* ON \\*\\.\\*.*")) {
                    privilege = "SUPER";
                }
            }
        }
        boolean tls;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW SESSION STATUS LIKE 'Ssl_cipher'")) {
            tls = rs.next() && rs.getString(2) != null && !rs.getString(2).isBlank();
        }
        return new ConnectionFacts("mysql", user, privilege != null, privilege, tls, host, local);
    }

    private static ConnectionFacts h2(Connection c, String host, boolean local) throws SQLException {
        String user = c.getMetaData().getUserName();
        boolean admin;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT IS_ADMIN FROM INFORMATION_SCHEMA.USERS WHERE USER_NAME = CURRENT_USER")) {
            admin = rs.next() && rs.getBoolean(1);
        }
        return new ConnectionFacts("h2", user, admin, admin ? "ADMIN" : null, false, host, local);
    }

    /** The host of a JDBC URL, or {@code null} for an embedded database. */
    static String host(String url, DatabaseKind kind) {
        if (url == null) {
            return null;
        }
        String u = url;
        if (kind == DatabaseKind.H2) {
            String rest = u.startsWith("jdbc:h2:") ? u.substring(8) : u;
            if (!rest.startsWith("tcp:") && !rest.startsWith("ssl:")) {
                return null; // mem:, file:, or a plain path: embedded
            }
            u = "jdbc:h2:" + rest.substring(0, 3) + ":" + rest.substring(4);
        }
        int slashes = u.indexOf("//");
        if (slashes < 0) {
            return null;
        }
        try {
            String authority = u.substring(slashes + 2).split("[/?;]", 2)[0];
            authority = authority.split(",", 2)[0]; // the first of several hosts
            if (authority.contains("@")) {
                authority = authority.substring(authority.lastIndexOf('@') + 1);
            }
            String h = URI.create("x://" + authority).getHost();
            return h != null ? h : authority.replaceAll(":\\d+$", "");
        } catch (IllegalArgumentException e) {
            return u;
        }
    }

    static boolean isLocal(String host) {
        String h = host.toLowerCase(Locale.ROOT).replace("[", "").replace("]", "");
        return h.equals("localhost") || h.startsWith("127.") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1");
    }
}
