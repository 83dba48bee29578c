package io.drm.masking.internal;

import java.math.BigInteger;

/**
 * The ten FF1 rounds with {@code BigInteger} halves, for any radix 2 to 65536 and any length
 * (Algorithms 7 and 8 of SP 800-38G).
 */
final class Ff1General {

    private Ff1General() {
    }

    /** Replaces the numerals {@code x[from .. from + n)} by their encryption or decryption. */
    static void rounds(Ff1Cipher cipher, Ff1State st, int[] x, int from, int n, byte[] tweak, boolean encrypt) {
        int radix = cipher.radix();
        int u = n / 2;
        int v = n - u;
        BigInteger bigRadix = BigInteger.valueOf(radix);
        BigInteger mu = bigRadix.pow(u);
        BigInteger mv = u == v ? mu : mu.multiply(bigRadix);
        // b = ceil(ceil(v * log2(radix)) / 8), and ceil(log2(N)) is the bit length of N - 1.
        int b = (mv.subtract(BigInteger.ONE).bitLength() + 7) / 8;
        int d = 4 * ((b + 3) / 4) + 4;
        int sBlocks = (d + Ff1State.BLOCK - 1) / Ff1State.BLOCK;
        cipher.preparePrefix(st, n, u, b, tweak);
        int tailLength = st.tailLength;
        st.sBuffers(Math.max(sBlocks * Ff1State.BLOCK, tailLength));
        BigInteger a = Numerals.toBigInteger(x, from, u, radix);
        BigInteger c = Numerals.toBigInteger(x, from + u, v, radix);
        if (encrypt) {
            for (int i = 0; i < 10; i++) {
                BigInteger y = y(st, i, c, b, d, sBlocks);
                BigInteger sum = a.add(y).mod((i & 1) == 0 ? mu : mv);
                a = c;
                c = sum;
            }
        } else {
            for (int i = 9; i >= 0; i--) {
                BigInteger y = y(st, i, a, b, d, sBlocks);
                BigInteger diff = c.subtract(y).mod((i & 1) == 0 ? mu : mv);
                c = a;
                a = diff;
            }
        }
        Numerals.toNumerals(a, x, from, u, radix);
        Numerals.toNumerals(c, x, from + u, v, radix);
    }

    /** Steps i to iv of a round: y = NUM(S) for Q built from round {@code i} and {@code num}. */
    private static BigInteger y(Ff1State st, int i, BigInteger num, int b, int d, int sBlocks) {
        int tailLength = st.tailLength;
        // The Q blocks that change from round to round, in sOut for now.
        byte[] q = st.sOut;
        System.arraycopy(st.tail, 0, q, 0, tailLength);
        q[st.roundIndex] = (byte) i;
        byte[] magnitude = num.toByteArray(); // big-endian, maybe with a leading zero byte
        int significant = Math.min(magnitude.length, b);
        System.arraycopy(magnitude, magnitude.length - significant, q, tailLength - significant, significant);

        // R = PRF(P || Q): continue the CBC-MAC from the prefix.
        byte[] in = st.blockIn;
        byte[] out = st.blockOut;
        byte[] chain = st.prefixMac;
        for (int off = 0; off < tailLength; off += Ff1State.BLOCK) {
            for (int j = 0; j < Ff1State.BLOCK; j++) {
                in[j] = (byte) (chain[j] ^ q[off + j]);
            }
            st.encryptBlock();
            chain = out;
        }
        if (sBlocks == 1) {
            return new BigInteger(1, out, 0, d);
        }
        // S = R || CIPH(R xor [1]^16) || CIPH(R xor [2]^16) || ..., first d bytes.
        byte[] sIn = st.sIn;
        byte[] s = st.sOut;
        for (int j = 1; j < sBlocks; j++) {
            int off = j * Ff1State.BLOCK;
            System.arraycopy(out, 0, sIn, off, Ff1State.BLOCK);
            sIn[off + 12] ^= (byte) (j >>> 24);
            sIn[off + 13] ^= (byte) (j >>> 16);
            sIn[off + 14] ^= (byte) (j >>> 8);
            sIn[off + 15] ^= (byte) j;
        }
        st.encrypt(sIn, Ff1State.BLOCK, s, Ff1State.BLOCK, (sBlocks - 1) * Ff1State.BLOCK);
        System.arraycopy(out, 0, s, 0, Ff1State.BLOCK);
        return new BigInteger(1, s, 0, d);
    }
}
