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
