package io.drm.masking;

import io.drm.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/** Small schemas and data shared by the masking job tests. */
final class JobFixtures {

    private JobFixtures() {
    }

    /** {@code customer(id, email, name, city)} with {@code rows} rows; a few names and cities are null. */
    static void customers(TestDatabase db, int rows) {
        customerTable(db);
        insert(db, "customer", rows, i -> i + ", 'user" + i + "@corp.test', " + (i % 10 == 3 ? "NULL" : "'Name " + i
                + "'") + ", " + (i % 7 == 0 ? "NULL" : "'City " + (i % 5) + "'"));
    }

    /** {@code orders(id, customer_id -> customer.id, amount, note)}, {@code perCustomer} orders a customer. */
    static void orders(TestDatabase db, int customers, int perCustomer) {
        ordersTable(db);
        insert(db, "orders", customers * perCustomer, i -> (1000 + i) + ", " + (i % customers) + ", " + (i * 3 % 1000)
                + ".25, 'order " + i + "'");
    }

    /** The empty table {@code customer}. */
    static void customerTable(TestDatabase db) {
        db.execute("CREATE TABLE customer (id INT PRIMARY KEY, email VARCHAR(100), name VARCHAR(100),"
                + " city VARCHAR(100))");
    }

    /** The empty table {@code orders}, referencing {@code customer}. */
    static void ordersTable(TestDatabase db) {
        db.execute("CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT NOT NULL, amount DECIMAL(10,2),"
                + " note VARCHAR(100), CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id)"
                + " REFERENCES customer (id))");
    }

    /**
     * A CRM schema keyed by digit strings: {@code client(id, email, name, card, city)} and
     * {@code purchase(id, client_id -> client.id, amount, note)}, with rows when {@code clients > 0}.
     */
    static void crm(TestDatabase db, int clients, int purchasesEach) {
        db.execute("CREATE TABLE client (id VARCHAR(12) PRIMARY KEY, email VARCHAR(100), name VARCHAR(100),"
                + " card VARCHAR(19), city VARCHAR(100))");
        db.execute("CREATE TABLE purchase (id INT PRIMARY KEY, client_id VARCHAR(12) NOT NULL, amount DECIMAL(10,2),"
                + " note VARCHAR(100), CONSTRAINT fk_purchase_client FOREIGN KEY (client_id) REFERENCES client (id))");
        if (clients > 0) {
            insert(db, "client", clients, i -> "'" + clientId(i) + "', 'client" + i + "@corp.test', "
                    + (i % 10 == 3 ? "NULL" : "'Client " + i + "'") + ", '" + card(i) + "', 'City " + (i % 5) + "'");
            insert(db, "purchase", clients * purchasesEach, i -> (5000 + i) + ", '" + clientId(i % clients) + "', "
                    + (i * 7 % 1000) + ".50, " + (i % 4 == 0 ? "NULL" : "'purchase " + i + "'"));
        }
    }

    static String clientId(int i) {
        return Long.toString(100_000_000L + i * 7_919L);
    }

    /** A Luhn-valid 16-digit card number. */
    static String card(int i) {
        String body = "411111" + String.format("%09d", i * 104_729L % 1_000_000_000L);
        for (int check = 0; check < 10; check++) {
            if (Maskers.luhnValid(body + check)) {
                return body + check;
            }
        }
        throw new IllegalStateException();
    }

    interface Row {
        String values(int i);
    }

    static void insert(TestDatabase db, String table, int rows, Row row) {
        for (int start = 0; start < rows; start += 500) {
            StringJoiner values = new StringJoiner(", ");
            for (int i = start; i < Math.min(rows, start + 500); i++) {
                values.add("(" + row.values(i) + ")");
            }
            db.execute("INSERT INTO " + table + " VALUES " + values);
        }
    }

    /** The masked values a report gives for a column, names matched in any case; -1 if absent. */
    static long masked(MaskingReport report, String table, String column) {
        return report.table(table).maskedValuesByColumn().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(column)).mapToLong(e -> e.getValue()).findFirst().orElse(-1);
    }

    /** Every row of a query as one string of its columns joined by {@code |}, in the query's order. */
    static List<String> rows(TestDatabase db, String sql, int columns) {
        StringBuilder concat = new StringBuilder();
        List<String> out = new ArrayList<>();
        try (var c = db.dataSource().getConnection(); var st = c.createStatement(); var rs = st.executeQuery(sql)) {
            while (rs.next()) {
                concat.setLength(0);
                for (int i = 1; i <= columns; i++) {
                    concat.append(i == 1 ? "" : "|").append(rs.getString(i));
                }
                out.add(concat.toString());
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(sql, e);
        }
        return out;
    }
}
