package io.drm.internal.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** The JVM orders text keys exactly as the databases' byte comparisons of their UTF-8 form do. */
final class KeyOrderTest {

    @Property(tries = 2000)
    void code_point_order_is_utf8_byte_order(@ForAll String a, @ForAll String b) {
        byte[] x = a.getBytes(StandardCharsets.UTF_8);
        byte[] y = b.getBytes(StandardCharsets.UTF_8);
        if (a.codePoints().anyMatch(cp -> cp >= 0xD800 && cp <= 0xDFFF)
                || b.codePoints().anyMatch(cp -> cp >= 0xD800 && cp <= 0xDFFF)) {
            return; // unpaired surrogates have no UTF-8 form; no database stores them
        }
        assertThat(Integer.signum(KeyOrder.codePoints(a, b))).isEqualTo(Integer.signum(Arrays.compareUnsigned(x, y)));
    }
}
