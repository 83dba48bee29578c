package db.dryrunjava;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/** A Java migration for the dry-run tests: a dry run must report it as not executed. */
public class V5__java_step extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement st = context.getConnection().createStatement()) {
            st.execute("CREATE TABLE from_java (id INT PRIMARY KEY)");
        }
    }
}
