package io.drm.masking;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.JDBCType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Maskers for the job tests: the catalogue's under a fixed test key, and small deterministic test
 * maskers (HMAC-SHA-256 tokens, FF1 on integers, a failing wrapper, a recording window masker)
 * for what the catalogue does not do.
 */
final class TestMaskers {

    static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    static final Set<JDBCType> TEXT = EnumSet.of(JDBCType.VARCHAR, JDBCType.CHAR, JDBCType.LONGVARCHAR,
            JDBCType.NVARCHAR, JDBCType.CLOB);
    static final Set<JDBCType> INTEGERS = EnumSet.of(JDBCType.INTEGER, JDBCType.BIGINT, JDBCType.SMALLINT);

    private static final ThreadLocal<Mac> MAC = ThreadLocal.withInitial(() -> {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    });

    private TestMaskers() {
    }

    static final String ALPHANUMERIC = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /** The catalogue's e-mail masker under the test key, keeping each address's domain. */
    static final TypedMasker EMAIL = Maskers.email(KEY, null);
    /** The catalogue's token masker: 16 base-62 characters. */
    static final TypedMasker TOKEN = Maskers.token(KEY, 16, ALPHANUMERIC);
    /** The catalogue's FF1 masker over decimal digits, for keys held as digit strings. */
    static final TypedMasker FPE_DIGITS = Maskers.fpe(KEY, "0123456789");
    /** The catalogue's card masker, every digit but the check digit changed. */
    static final TypedMasker CARD = Maskers.paymentCard(KEY, false);

    /** @return a value as a catalogue masker masks it, for expected results */
    static String masked(TypedMasker masker, String value) {
        return value == null ? null : (String) masker.mask(value);
    }

    static String hmac(String value) {
        return HexFormat.of().formatHex(MAC.get().doFinal(value.getBytes(StandardCharsets.UTF_8)), 0, 8);
    }

    /** A text token: {@code t_} and 16 hex digits of HMAC(value). */
    static TypedMasker token() {
        return TypedMasker.of("test-token", v -> "t_" + hmac(v.toString()), TEXT);
    }

    /** An e-mail: {@code u<hmac>@example.com}. */
    static TypedMasker email() {
        return TypedMasker.of("test-email", v -> "u" + hmac(v.toString()) + "@example.com", TEXT);
    }

    /** FF1 over nine decimal digits: a keyed bijection of 0..999,999,999, so keys stay unique. */
    static TypedMasker fpeId() {
        Ff1 ff1 = Ff1.create(KEY, "0123456789");
        byte[] tweak = "id".getBytes(StandardCharsets.US_ASCII);
        return TypedMasker.of("test-fpe", v -> {
            long n = ((Number) v).longValue();
            if (n < 0 || n > 999_999_999L) {
                throw new IllegalArgumentException("test-fpe masks 0..999999999 only");
            }
            long out = Long.parseLong(ff1.encrypt(String.format("%09d", n), tweak));
            return v instanceof Long ? (Object) out : (Object) (int) out;
        }, INTEGERS);
    }

    /** The same masker (same name), but throwing once it has masked {@code after} values. */
    static TypedMasker failingAfter(TypedMasker masker, long after) {
        AtomicLong calls = new AtomicLong();
        return TypedMasker.of(masker.name(), v -> {
            if (calls.incrementAndGet() > after) {
                throw new IllegalStateException("test masker stops after " + after + " values");
            }
            return masker.mask(v);
        }, supported(masker));
    }

    /** A window masker that reverses each window and records the window sizes and indexes. */
    static final class Reverse implements WindowMasker {
        final List<String> windows = Collections.synchronizedList(new ArrayList<>());

        @Override
        public List<Object> maskWindow(List<Object> values, long windowIndex) {
            windows.add(windowIndex + ":" + values.size());
            List<Object> out = new ArrayList<>(values);
            Collections.reverse(out);
            return out;
        }

        @Override
        public String name() {
            return "test-reverse";
        }

        @Override
        public boolean supports(JDBCType type) {
            return TEXT.contains(type);
        }
    }

    private static Set<JDBCType> supported(TypedMasker masker) {
        Set<JDBCType> out = EnumSet.noneOf(JDBCType.class);
        for (JDBCType t : JDBCType.values()) {
            if (masker.supports(t)) {
                out.add(t);
            }
        }
        return out;
    }
}
