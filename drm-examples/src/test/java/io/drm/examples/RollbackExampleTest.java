package io.drm.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

final class RollbackExampleTest {

    @Test
    void the_rollback_brings_back_the_dropped_column_and_the_zeroed_amounts() throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        String after = RollbackExample.run(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        String out = buffer.toString(StandardCharsets.UTF_8);

        assertThat(out).contains("amount=0.00").contains("safety snapshot").contains("RESTORE");
        assertThat(after).contains("id=1, account_id=1, amount=120.00, memo=salary")
                .contains("id=2, account_id=1, amount=-35.50, memo=groceries")
                .contains("id=3, account_id=2, amount=990.10, memo=invoice 17");
    }
}
