package io.drm.masking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** drm-masking touches the PostgreSQL driver only for a PostgreSQL target, so it works without it. */
final class MaskedCopyWithoutPostgresDriverTest {

    @Test
    void copies_and_masks_without_the_postgresql_driver_on_the_class_path() throws Exception {
        List<URL> urls = new ArrayList<>();
        int dropped = 0;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.replace('\\', '/').contains("/org/postgresql/postgresql/")) {
                dropped++;
            } else {
                urls.add(new File(entry).toURI().toURL());
            }
        }
        assertThat(dropped).as("the PostgreSQL driver jar on the test class path").isEqualTo(1);

        try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new),
                ClassLoader.getPlatformClassLoader())) {
            assertThatThrownBy(() -> loader.loadClass("org.postgresql.PGConnection"))
                    .isInstanceOf(ClassNotFoundException.class);
            Object rows = loader.loadClass(NoPostgresDriverProbe.class.getName()).getMethod("run").invoke(null);

            assertThat(rows).isEqualTo(6L);
        }
    }
}
