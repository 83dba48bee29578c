package io.drm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

final class PlaceholdersTest {

    @Test
    void known_placeholders_are_replaced_everywhere_like_flyway_does() {
        Placeholders.Result r = Placeholders.replace("-- in ${flyway:defaultSchema}\nSELECT '${flyway:user}', $$x$$;\n",
                Map.of("flyway:defaultSchema", "app", "flyway:user", "deploy"));

        assertThat(r.text()).isEqualTo("-- in app\nSELECT 'deploy', $$x$$;\n");
        assertThat(r.missing()).isNull();
    }

    @Test
    void the_first_unknown_placeholder_is_named_with_its_line() {
        Placeholders.Result r = Placeholders.replace("SELECT 1;\n\nINSERT INTO ${schema}.t VALUES ('${tenant}');\n",
                Map.of());

        assertThat(r.missing()).isEqualTo(new Placeholders.Missing("schema", 3));
        assertThat(r.text()).contains("${schema}");
    }

    @Test
    void a_value_with_regex_characters_is_inserted_literally() {
        assertThat(Placeholders.replace("${flyway:workingDirectory}", Map.of("flyway:workingDirectory", "C:\\a$1"))
                .text()).isEqualTo("C:\\a$1");
    }
}
