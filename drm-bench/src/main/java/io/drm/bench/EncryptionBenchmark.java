package io.drm.bench;

import io.drm.masking.ArtifactCipher;
import io.drm.masking.KeyProvider;
import io.drm.masking.Keyring;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Throughput of {@link ArtifactCipher} (streaming, segmented AES-256-GCM) against its anchor, the
 * JDK's own {@code Cipher} AES-256-GCM over one large buffer, for 1 GiB of data.
 *
 * <p>drm runs in a child JVM with {@code -Xmx64m}: it encrypts a generated 1 GiB stream (never held
 * in memory) into a temporary file, then decrypts that file as a stream into a sink, and reports its
 * peak heap. The anchor runs in a second child JVM with a heap large enough for one 256 MiB buffer
 * (plaintext, ciphertext, and the JDK's internal copy when decrypting): it encrypts the buffer four
 * times under fresh nonces (1 GiB) and decrypts the ciphertext four times, after a warm-up of
 * small calls that lets the JIT compile the AES-GCM intrinsics. Each side runs a warm-up
 * pass and then {@code rounds} measured passes (default 3, median reported). The parent prints MB/s
 * (MiB per second) and the ratio drm / JDK.
 *
 * <p>Run: {@code mvn -B -q -pl drm-bench -am package -DskipTests exec:java
 * -Dbench.main=io.drm.bench.EncryptionBenchmark}
 */
public final class EncryptionBenchmark {

    private static final long TOTAL = 1L << 30;
    private static final int JDK_BUFFER = 256 << 20;

    private EncryptionBenchmark() {
    }

    /**
     * @param args none (parent), or {@code drm} / {@code jdk} with the number of rounds (children)
     * @throws Exception if a child fails
     */
    public static void main(String[] args) throws Exception {
        if (args.length == 2) {
            int rounds = Integer.parseInt(args[1]);
            Map<String, Double> result = args[0].equals("drm") ? drm(rounds) : jdk(rounds);
            result.forEach((k, v) -> System.out.println("RESULT " + k + " " + v));
            return;
        }
        int rounds = Integer.getInteger("bench.rounds", 3);
        Map<String, Double> drm = child("drm", "-Xmx64m", rounds);
        Map<String, Double> jdk = child("jdk", "-Xmx1200m", rounds);
        System.out.printf("%nEncryption of 1 GiB, median of %d rounds (MB/s = MiB/s)%n", rounds);
        System.out.printf("  drm ArtifactCipher (-Xmx64m, 1 MiB segments, streamed via a temp file):"
                + " encrypt %.0f MB/s, decrypt %.0f MB/s, peak heap %.0f MiB%n",
                drm.get("encrypt"), drm.get("decrypt"), drm.get("peakHeapMiB"));
        System.out.printf("  JDK Cipher AES-256-GCM (one 256 MiB buffer x 4, -Xmx1200m):"
                + " encrypt %.0f MB/s, decrypt %.0f MB/s%n", jdk.get("encrypt"), jdk.get("decrypt"));
        System.out.printf("  JDK Cipher AES-256-GCM, one call per 1 MiB of the same buffer: encrypt %.0f MB/s"
                + " (drm/that: %.2fx)%n", jdk.get("encrypt1MiB"), drm.get("encrypt") / jdk.get("encrypt1MiB"));
        System.out.printf("  ratio drm/JDK: encrypt %.2fx, decrypt %.2fx (target >= 0.80x)%n",
                drm.get("encrypt") / jdk.get("encrypt"), drm.get("decrypt") / jdk.get("decrypt"));
    }

    private static Map<String, Double> child(String side, String heap, int rounds) throws Exception {
        Process p = new ProcessBuilder(ChildJvm.command(List.of(heap, "-XX:+ExitOnOutOfMemoryError"),
                EncryptionBenchmark.class, List.of(side, Integer.toString(rounds))))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Map<String, Double> result = new LinkedHashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("RESULT ")) {
                    String[] f = line.split(" ");
                    result.put(f[1], Double.parseDouble(f[2]));
                } else {
                    System.out.println(line);
                }
            }
        }
        if (p.waitFor() != 0) {
            throw new IllegalStateException("the " + side + " benchmark JVM exited with " + p.exitValue());
        }
        return result;
    }

    private static Map<String, Double> drm(int rounds) throws IOException {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        ArtifactCipher cipher = ArtifactCipher.of(Keyring.of(KeyProvider.of(Map.of("bench", key)), "bench"));
        Path file = Files.createTempFile("drm-bench-", ".enc");
        try {
            double[] enc = new double[rounds];
            double[] dec = new double[rounds];
            for (int i = -1; i < rounds; i++) {
                long t0 = System.nanoTime();
                try (OutputStream out = Files.newOutputStream(file)) {
                    cipher.encrypt(new Generated(TOTAL), out);
                }
                long t1 = System.nanoTime();
                long n;
                try (InputStream in = cipher.decryptingStream(Files.newInputStream(file))) {
                    n = drain(in);
                }
                long t2 = System.nanoTime();
                if (n != TOTAL) {
                    throw new IllegalStateException("decrypted " + n + " bytes, expected " + TOTAL);
                }
                if (i >= 0) {
                    enc[i] = mibPerSecond(TOTAL, t1 - t0);
                    dec[i] = mibPerSecond(TOTAL, t2 - t1);
                }
            }
            Map<String, Double> out = new LinkedHashMap<>();
            out.put("encrypt", median(enc));
            out.put("decrypt", median(dec));
            out.put("peakHeapMiB", peakHeapMiB());
            return out;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static Map<String, Double> jdk(int rounds) throws Exception {
        byte[] key = new byte[32];
        SecureRandom random = new SecureRandom();
        random.nextBytes(key);
        SecretKeySpec spec = new SecretKeySpec(key, "AES");
        byte[] plain = new byte[JDK_BUFFER];
        new Random(1).nextBytes(plain);
        byte[] ct = new byte[JDK_BUFFER + 16];
        byte[] back = new byte[JDK_BUFFER];
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        int repeats = (int) (TOTAL / JDK_BUFFER);
        double[] enc = new double[rounds];
        double[] dec = new double[rounds];
        byte[] nonce = new byte[12];
        // Warm-up with many small calls, so that the JIT compiles the AES-GCM intrinsics before the
        // large buffer runs (a handful of 256 MiB calls alone leave them interpreted: ~20 MB/s).
        for (int w = 0; w < 20_000; w++) {
            random.nextBytes(nonce);
            cipher.init(Cipher.ENCRYPT_MODE, spec, new GCMParameterSpec(128, nonce));
            cipher.doFinal(plain, 0, 16 << 10, ct, 0);
            cipher.init(Cipher.DECRYPT_MODE, spec, new GCMParameterSpec(128, nonce));
            cipher.doFinal(ct, 0, (16 << 10) + 16, back, 0);
        }
        for (int i = -1; i < rounds; i++) {
            long t0 = System.nanoTime();
            for (int r = 0; r < repeats; r++) {
                random.nextBytes(nonce);
                cipher.init(Cipher.ENCRYPT_MODE, spec, new GCMParameterSpec(128, nonce));
                cipher.doFinal(plain, 0, plain.length, ct, 0);
            }
            long t1 = System.nanoTime();
            for (int r = 0; r < repeats; r++) {
                cipher.init(Cipher.DECRYPT_MODE, spec, new GCMParameterSpec(128, nonce));
                cipher.doFinal(ct, 0, ct.length, back, 0);
            }
            long t2 = System.nanoTime();
            if (!Arrays.equals(plain, back)) {
                throw new IllegalStateException("JDK round trip differs");
            }
            if (i >= 0) {
                enc[i] = mibPerSecond(TOTAL, t1 - t0);
                dec[i] = mibPerSecond(TOTAL, t2 - t1);
            }
        }
        // A second anchor: the same JDK cipher called once per 1 MiB (as drm's segments are), over
        // the same buffer, to show what the JDK does when it is not handed one huge buffer.
        int chunk = 1 << 20;
        double[] chunked = new double[rounds];
        for (int i = -1; i < rounds; i++) {
            long t0 = System.nanoTime();
            for (int r = 0; r < repeats; r++) {
                for (int off = 0; off < JDK_BUFFER; off += chunk) {
                    random.nextBytes(nonce);
                    cipher.init(Cipher.ENCRYPT_MODE, spec, new GCMParameterSpec(128, nonce));
                    cipher.doFinal(plain, off, chunk, ct, 0);
                }
            }
            if (i >= 0) {
                chunked[i] = mibPerSecond(TOTAL, System.nanoTime() - t0);
            }
        }
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("encrypt", median(enc));
        out.put("decrypt", median(dec));
        out.put("encrypt1MiB", median(chunked));
        return out;
    }

    private static long drain(InputStream in) throws IOException {
        byte[] buf = new byte[1 << 16];
        long total = 0;
        for (int n; (n = in.read(buf)) >= 0; ) {
            total += n;
        }
        return total;
    }

    private static double mibPerSecond(long bytes, long nanos) {
        return (bytes / (double) (1 << 20)) / (nanos / 1e9);
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v[v.length / 2];
    }

    private static double peakHeapMiB() {
        long peak = 0;
        List<MemoryPoolMXBean> pools = new ArrayList<>(ManagementFactory.getMemoryPoolMXBeans());
        for (MemoryPoolMXBean pool : pools) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / (double) (1 << 20);
    }

    /** A stream of {@code size} bytes: one random 1 MiB block repeated, generated as it is read. */
    private static final class Generated extends InputStream {
        private final byte[] block = new byte[1 << 20];
        private long left;
        private int pos;

        Generated(long size) {
            new Random(7).nextBytes(block);
            this.left = size;
        }

        @Override
        public int read() {
            if (left == 0) {
                return -1;
            }
            left--;
            int b = block[pos] & 0xff;
            pos = (pos + 1) % block.length;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left == 0) {
                return -1;
            }
            int n = (int) Math.min(Math.min(len, left), block.length - pos);
            System.arraycopy(block, pos, b, off, n);
            pos = (pos + n) % block.length;
            left -= n;
            return n;
        }
    }
}
