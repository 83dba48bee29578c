package io.drm.masking.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * {@code noise}: a number {@code v} becomes {@code v + v * f} with {@code f} in
 * {@code [-percent/100, +percent/100)}, drawn from AES-CMAC ({@link KeyedPrf}) of the number's
 * canonical decimal form under the masker's subkey, so the same number always gets the same noise (whatever its Java
 * type: {@code 5}, {@code 5L} and {@code 5.00} are one number). The delta is truncated toward zero
 * to the input's precision, so the result is never further than {@code percent} from the input;
 * integers saturate at their type's bounds. The result has the input's type, and a
 * {@code BigDecimal} keeps its scale. Zero stays zero, and NaN and infinities are returned as they
 * are.
 */
public final class NoiseMasker extends AbstractMasker {

    private final KeyedPrf prf;
    private final double percent;
    private final double fraction;

    /**
     * @param key the masking key, at least 16 bytes; not kept
     * @param percent the largest change, in percent of the value: more than 0, at most 100
     * @throws IllegalArgumentException if the key is too short or the percentage out of range
     */
    public NoiseMasker(byte[] key, double percent) {
        super("noise", ColumnTypes.NUMERICS);
        if (!(percent > 0 && percent <= 100)) {
            throw new IllegalArgumentException("noise: percent must be more than 0 and at most 100, is " + percent);
        }
        this.percent = percent;
        this.fraction = percent / 100;
        this.prf = new KeyedPrf(MaskerKeys.subkey(key, "noise"), MaskerKeys.subkey(key, "noise", "stream"));
    }

    @Override
    protected Object maskNonNull(Object value) {
        if (value instanceof Integer i) {
            return (int) clamp(i + (long) (i * factor(BigDecimal.valueOf(i))), Integer.MIN_VALUE, Integer.MAX_VALUE);
        }
        if (value instanceof Long l) {
            BigDecimal v = BigDecimal.valueOf(l);
            BigInteger out = v.add(v.multiply(new BigDecimal(factor(v))).setScale(0, RoundingMode.DOWN)).toBigInteger();
            return out.bitLength() < 64 ? out.longValue() : (out.signum() > 0 ? Long.MAX_VALUE : Long.MIN_VALUE);
        }
        if (value instanceof Short s) {
            return (short) clamp(s + (long) (s * factor(BigDecimal.valueOf(s))), Short.MIN_VALUE, Short.MAX_VALUE);
        }
        if (value instanceof Byte b) {
            return (byte) clamp(b + (long) (b * factor(BigDecimal.valueOf(b))), Byte.MIN_VALUE, Byte.MAX_VALUE);
        }
        if (value instanceof BigDecimal d) {
            BigDecimal delta = d.multiply(new BigDecimal(factor(d))).setScale(d.scale(), RoundingMode.DOWN);
            return d.add(delta);
        }
        if (value instanceof BigInteger bi) {
            BigDecimal v = new BigDecimal(bi);
            return bi.add(v.multiply(new BigDecimal(factor(v))).toBigInteger());
        }
        if (value instanceof Double d) {
            return noisy(d);
        }
        if (value instanceof Float f) {
            return noisy(f);
        }
        throw Values.unsupported(name(), value,
                "Integer, Long, Short, Byte, BigDecimal, BigInteger, Double and Float values");
    }

    private double noisy(double v) {
        if (!Double.isFinite(v) || v == 0) {
            return v;
        }
        BigDecimal value = new BigDecimal(v);
        BigDecimal delta = value.multiply(new BigDecimal(factor(new BigDecimal(Double.toString(v)))));
        double out = value.add(delta).doubleValue();
        if (Double.isInfinite(out)) {
            out = Math.copySign(Double.MAX_VALUE, out);
        }
        // Rounding to a double may carry the result just past the delta: step back toward v.
        return new BigDecimal(out).subtract(value).abs().compareTo(delta.abs()) > 0 ? Math.nextAfter(out, v) : out;
    }

    private float noisy(float v) {
        if (!Float.isFinite(v) || v == 0) {
            return v;
        }
        BigDecimal value = new BigDecimal(v);
        BigDecimal delta = value.multiply(new BigDecimal(factor(new BigDecimal(Float.toString(v)))));
        float out = value.add(delta).floatValue();
        if (Float.isInfinite(out)) {
            out = Math.copySign(Float.MAX_VALUE, out);
        }
        return new BigDecimal(out).subtract(value).abs().compareTo(delta.abs()) > 0 ? Math.nextAfter(out, v) : out;
    }

    /** The relative change for a number: in [-fraction, +fraction), from its canonical form. */
    private double factor(BigDecimal number) {
        String canonical = number.signum() == 0 ? "0" : number.stripTrailingZeros().toString();
        long bits = KeyedHash.long64(prf.prf(canonical), 0);
        double unit = (bits >>> 11) * 0x1.0p-53; // [0, 1)
        return (2 * unit - 1) * fraction;
    }

    private static long clamp(long v, long min, long max) {
        return Math.max(min, Math.min(max, v));
    }

    @Override
    protected String parameters() {
        return "percent=" + percent;
    }
}
