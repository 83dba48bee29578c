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
 * Throughput of {@link ArtifactCipher} (streaming, segmented AES-256-GCM) against four anchors,
 * for 1 GiB of data.
 *
 * <p>drm runs in a child JVM with {@code -Xmx64m}: it encrypts a generated 1 GiB stream (never held
 * in memory) into a null sink and into a temporary file, then decrypts that file as a stream
 * ({@code decryptingStream}, read 64 KiB at a time) and with {@code decrypt(InputStream,
 * OutputStream)} into a null sink, reads the file alone once more (the I/O part), and reports its
 * peak heap. Decryption without the file is measured in the anchors' child ({@code -Xmx4g}): drm
 * decrypts its artifact of the same 1 GiB plaintext, held in memory like the anchors' bytes, both
 * ways.
 *
 * <p>The anchors, all the JDK's {@code Cipher} AES-256-GCM:
 * <ol>
 *   <li>once per 1 MiB buffer, the same buffer every time, in drm's JVM and interleaved with its
 *       rounds: the cipher on cache-resident data, which no 1 GiB stream has; the strictest.
 *   <li>the anchor: one {@code doFinal} over the same 1 GiB in one buffer (a child with
 *       {@code -Xmx3600m}, after a JIT warm-up of small calls and of 64 MiB calls; median of
 *       {@code bench.bigRounds},
 *       default 3). This is what the target (drm >= 0.8x) is read against.
 *   <li>the same 1 GiB in one buffer, one {@code doFinal} per 1 MiB slice into a reused 1 MiB
 *       output (a child with {@code -Xmx4g}): the JDK's best on data read from memory.
 *   <li>anchor 3 with its input read from an {@code InputStream} over the same 1 GiB, one segment
 *       at a time into a reused buffer (same child): what any reader of a stream pays at least, so
 *       drm against it is drm's own segmenting and streaming cost.
 * </ol>
 * Each round is preceded by a warm-up; the median of {@code bench.rounds} (default 3) is reported.
 *
 * <p>Run: {@code mvn -B -q -pl drm-bench -am package -DskipTests exec:java
 * -Dbench.main=io.drm.bench.EncryptionBenchmark}
 */
public final class EncryptionBenchmark {

    private static final long TOTAL = 1L << 30;
    private static final int JDK_BUFFER = (int) TOTAL;
    private static final int CHUNK = 1 << 20;

    private EncryptionBenchmark() {
    }

    /**
     * @param args none (parent), or {@code drm} / {@code jdk} with the number of rounds (children)
     * @throws Exception if a child fails
     */
    public static void main(String[] args) throws Exception {
        if (args.length == 2) {
            int rounds = Integer.parseInt(args[1]);
            Map<String, Double> result = switch (args[0]) {
                case "drm" -> drm(rounds);
                case "cold" -> jdkCold(rounds);
                default -> jdk(rounds);
            };
            result.forEach((k, v) -> System.out.println("RESULT " + k + " " + v));
            return;
        }
        int rounds = Integer.getInteger("bench.rounds", 3);
        Map<String, Double> drm = child("drm", "-Xmx64m", rounds);
        Map<String, Double> jdk = child("jdk", "-Xmx3600m", Integer.getInteger("bench.bigRounds", 3));
        Map<String, Double> cold = child("cold", "-Xmx4g", rounds);
        System.out.printf("%nEncryption of 1 GiB, median of %d rounds (MB/s = MiB/s)%n", rounds);
        System.out.printf("  drm ArtifactCipher (-Xmx64m, 1 MiB segments): encrypt %.0f MB/s (stream to a null sink),"
                + " %.0f MB/s (to a temp file); decrypt %.0f MB/s (streamed from the file); peak heap %.0f MiB%n",
                drm.get("encrypt"), drm.get("encryptFile"), drm.get("decrypt"), drm.get("peakHeapMiB"));
        System.out.printf("  reading the encrypted file alone (same stream, no decryption): %.0f MB/s%n",
                drm.get("readFile"));
        System.out.printf("  anchor 1, JDK Cipher AES-256-GCM, one doFinal per 1 MiB buffer (same JVM, interleaved):"
                + " encrypt %.0f MB/s, decrypt %.0f MB/s%n", drm.get("jdkEncrypt1MiB"), drm.get("jdkDecrypt1MiB"));
        System.out.printf("  anchor 2 (the issue's), JDK Cipher AES-256-GCM, one doFinal over the same 1 GiB in one buffer"
                + " (-Xmx3600m):"
                + " encrypt %.0f MB/s, decrypt %.0f MB/s%n", jdk.get("encrypt"), jdk.get("decrypt"));
        System.out.printf("  drm decrypt(InputStream, OutputStream) into a null sink: %.0f MB/s from the file%n",
                drm.get("decryptToSink"));
        System.out.printf("  anchor 3, JDK Cipher AES-256-GCM over the same 1 GiB held in one buffer, one doFinal per"
                + " 1 MiB slice into a reused 1 MiB buffer (-Xmx4g): encrypt %.0f MB/s, decrypt %.0f MB/s%n",
                cold.get("encrypt"), cold.get("decrypt"));
        System.out.printf("  anchor 4, anchor 3 reading the same 1 GiB from an InputStream, a segment at a time into a"
                + " reused buffer (-Xmx4g): encrypt %.0f MB/s, decrypt %.0f MB/s%n", cold.get("streamEncrypt"),
                cold.get("streamDecrypt"));
        System.out.printf("  drm in the anchors' JVM, decrypting its artifact of the same 1 GiB held in memory:"
                + " %.0f MB/s into a null sink, %.0f MB/s as a stream read 64 KiB at a time%n",
                cold.get("drmDecryptToSink"), cold.get("drmDecryptStream"));
        System.out.printf("  ratio drm/anchor 4 (drm's own segmenting and streaming cost): encrypt %.2fx; decrypt %.2fx"
                + " into a sink and %.2fx as a stream from the same memory, %.2fx into a sink from the file%n",
                drm.get("encrypt") / cold.get("streamEncrypt"),
                cold.get("drmDecryptToSink") / cold.get("streamDecrypt"),
                cold.get("drmDecryptStream") / cold.get("streamDecrypt"),
                drm.get("decryptToSink") / cold.get("streamDecrypt"));
        System.out.printf("  ratio drm/anchor 3 from the same memory: decrypt %.2fx into a sink, %.2fx as a stream%n",
                cold.get("drmDecryptToSink") / cold.get("decrypt"), cold.get("drmDecryptStream") / cold.get("decrypt"));
        System.out.printf("  ratio drm/anchor 3 from the file: decrypt %.2fx into a sink, %.2fx as a stream%n",
                drm.get("decryptToSink") / cold.get("decrypt"), drm.get("decrypt") / cold.get("decrypt"));
        System.out.printf("  ratio drm/anchor 1: encrypt %.2fx (to a file %.2fx), decrypt %.2fx from memory (from the file"
                + " %.2fx)%n",
                drm.get("encrypt") / drm.get("jdkEncrypt1MiB"), drm.get("encryptFile") / drm.get("jdkEncrypt1MiB"),
                cold.get("drmDecryptStream") / drm.get("jdkDecrypt1MiB"), drm.get("decrypt") / drm.get("jdkDecrypt1MiB"));
        System.out.printf("  ratio drm/anchor 2 (the target, >= 0.80x): encrypt %.2fx (to a file %.2fx); decrypt %.2fx"
                + " streamed from the file, %.2fx into a sink from the file, %.2fx as a stream from memory, %.2fx into a"
                + " sink from memory%n",
                drm.get("encrypt") / jdk.get("encrypt"), drm.get("encryptFile") / jdk.get("encrypt"),
                drm.get("decrypt") / jdk.get("decrypt"), drm.get("decryptToSink") / jdk.get("decrypt"),
                cold.get("drmDecryptStream") / jdk.get("decrypt"), cold.get("drmDecryptToSink") / jdk.get("decrypt"));
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

    private static Map<String, Double> drm(int rounds) throws Exception {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        ArtifactCipher cipher = ArtifactCipher.of(Keyring.of(KeyProvider.of(Map.of("bench", key)), "bench"));
        Anchor anchor = new Anchor();
        Path file = Files.createTempFile("drm-bench-", ".enc");
        try {
            double[] enc = new double[rounds];
            double[] encFile = new double[rounds];
            double[] dec = new double[rounds];
            double[] read = new double[rounds];
            double[] decSink = new double[rounds];
            double[] jdkEnc = new double[rounds];
            double[] jdkDec = new double[rounds];
            for (int i = -1; i < rounds; i++) {
                long t0 = System.nanoTime();
                Counting sink = new Counting();
                cipher.encrypt(new Generated(TOTAL), sink);
                long t1 = System.nanoTime();
                try (OutputStream out = Files.newOutputStream(file)) {
                    cipher.encrypt(new Generated(TOTAL), out);
                }
                long t2 = System.nanoTime();
                long n;
                try (InputStream in = cipher.decryptingStream(Files.newInputStream(file))) {
                    n = drain(in);
                }
                long t3 = System.nanoTime();
                try (InputStream in = Files.newInputStream(file)) {
                    drain(in);
                }
                long t4 = System.nanoTime();
                try (InputStream in = Files.newInputStream(file)) {
                    Counting plain = new Counting();
                    cipher.decrypt(in, plain);
                    if (plain.count != TOTAL) {
                        throw new IllegalStateException("decrypted " + plain.count + " bytes into the sink");
                    }
                }
                long t5 = System.nanoTime();
                double ae = anchor.encrypt();
                double ad = anchor.decrypt();
                if (n != TOTAL || sink.count != Files.size(file)) {
                    throw new IllegalStateException("decrypted " + n + " bytes, expected " + TOTAL);
                }
                if (i >= 0) {
                    enc[i] = mibPerSecond(TOTAL, t1 - t0);
                    encFile[i] = mibPerSecond(TOTAL, t2 - t1);
                    dec[i] = mibPerSecond(TOTAL, t3 - t2);
                    read[i] = mibPerSecond(TOTAL, t4 - t3);
                    decSink[i] = mibPerSecond(TOTAL, t5 - t4);
                    jdkEnc[i] = ae;
                    jdkDec[i] = ad;
                }
            }
            double peak = peakHeapMiB();
            Map<String, Double> out = new LinkedHashMap<>();
            out.put("decryptToSink", median(decSink));
            out.put("encrypt", median(enc));
            out.put("encryptFile", median(encFile));
            out.put("decrypt", median(dec));
            out.put("readFile", median(read));
            out.put("jdkEncrypt1MiB", median(jdkEnc));
            out.put("jdkDecrypt1MiB", median(jdkDec));
            out.put("peakHeapMiB", peak);
            return out;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Anchor 1: the JDK cipher once per 1 MiB buffer, 1 GiB each way, with 2 MiB of buffers. */
    private static final class Anchor {
        private final SecureRandom random = new SecureRandom();
        private final SecretKeySpec spec;
        private final byte[] plain = new byte[CHUNK];
        private final byte[] ct = new byte[CHUNK + 16];
        private final byte[] nonce = new byte[12];
        private final Cipher cipher;

        Anchor() throws Exception {
            byte[] key = new byte[32];
            random.nextBytes(key);
            spec = new SecretKeySpec(key, "AES");
            new Random(7).nextBytes(plain);
            cipher = Cipher.getInstance("AES/GCM/NoPadding");
        }

        double encrypt() throws Exception {
            long t0 = System.nanoTime();
            for (long done = 0; done < TOTAL; done += CHUNK) {
                random.nextBytes(nonce);
                cipher.init(Cipher.ENCRYPT_MODE, spec, new GCMParameterSpec(128, nonce));
                cipher.doFinal(plain, 0, CHUNK, ct, 0);
            }
            return mibPerSecond(TOTAL, System.nanoTime() - t0);
        }

        double decrypt() throws Exception {
            byte[] back = plain.clone();
            long t0 = System.nanoTime();
            for (long done = 0; done < TOTAL; done += CHUNK) {
                cipher.init(Cipher.DECRYPT_MODE, spec, new GCMParameterSpec(128, nonce));
                cipher.doFinal(ct, 0, ct.length, back, 0);
            }
            double r = mibPerSecond(TOTAL, System.nanoTime() - t0);
            if (!Arrays.equals(plain, back)) {
                throw new IllegalStateException("JDK round trip differs");
            }
            return r;
        }
    }

    /** A fixed-size in-memory sink. */
    private static final class Fixed extends OutputStream {
        final byte[] bytes;
        private int pos;

        Fixed(int size) {
            bytes = new byte[size];
        }

        @Override
        public void write(int b) {
            bytes[pos++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            System.arraycopy(b, off, bytes, pos, len);
            pos += len;
        }
    }

    /** Counts the bytes written and drops them. */
    private static final class Counting extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
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
        double[] enc = new double[rounds];
        double[] dec = new double[rounds];
        byte[] nonce = new byte[12];
        // Warm-up with many small calls, so that the JIT compiles the AES-GCM intrinsics before the
        // large buffer runs.
        for (int w = 0; w < 20_000; w++) {
            random.nextBytes(nonce);
            cipher.init(Cipher.ENCRYPT_MODE, spec, new GCMParameterSpec(128, nonce));
            cipher.doFinal(plain, 0, 16 << 10, ct, 0);
            cipher.init(Cipher.DECRYPT_MODE, spec, new GCMParameterSpec(128, nonce));
            cipher.doFinal(ct, 0, (16 << 10) + 16, back, 0);
        }
        // Then calls over 64 MiB: a branch for large inputs that the small calls never took would
        // otherwise deoptimise the first large call to the interpreter (1 GiB at tens of MB/s).
        for (int w = 0; w < 6; w++) {
            random.nextBytes(nonce);
            cipher.init(Cipher.ENCRYPT_MODE, spec, new GCMParameterSpec(128, nonce));
            cipher.doFinal(plain, 0, 64 << 20, ct, 0);
            cipher.init(Cipher.DECRYPT_MODE, spec, new GCMParameterSpec(128, nonce));
            cipher.doFinal(ct, 0, (64 << 20) + 16, back, 0);
        }
        for (int i = 0; i < rounds; i++) {
            long t0 = System.nanoTime();
            random.nextBytes(nonce);
            cipher.init(Cipher.ENCRYPT_MODE, spec, new GCMParameterSpec(128, nonce));
            cipher.doFinal(plain, 0, plain.length, ct, 0);
            long t1 = System.nanoTime();
            cipher.init(Cipher.DECRYPT_MODE, spec, new GCMParameterSpec(128, nonce));
            cipher.doFinal(ct, 0, ct.length, back, 0);
            long t2 = System.nanoTime();
            if (!Arrays.equals(plain, back)) {
                throw new IllegalStateException("JDK round trip differs");
            }
            enc[i] = mibPerSecond(JDK_BUFFER, t1 - t0);
            dec[i] = mibPerSecond(JDK_BUFFER, t2 - t1);
        }
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("encrypt", median(enc));
        out.put("decrypt", median(dec));
        return out;
    }

    /**
     * Anchor 3: the JDK cipher over the same 1 GiB held in one buffer, as the anchor has it,
     * but called once per 1 MiB slice of it (one {@code doFinal} over the whole buffer is far slower
     * in JDK 17, see anchor 2), each slice's output into one reused 1 MiB buffer. Unlike anchor 1,
     * the input comes from memory rather than the cache, as it must for drm.
     */
    private static Map<String, Double> jdkCold(int rounds) throws Exception {
        byte[] key = new byte[32];
        SecureRandom random = new SecureRandom();
        random.nextBytes(key);
        SecretKeySpec spec = new SecretKeySpec(key, "AES");
        int slices = (int) (TOTAL / CHUNK);
        byte[] plain = new byte[(int) TOTAL];
        new Random(3).nextBytes(plain);
        byte[] ct = new byte[slices * (CHUNK + 16)];
        byte[] out = new byte[CHUNK + 16];
        byte[][] nonces = new byte[slices][12];
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        for (int i = 0; i < slices; i++) {
            random.nextBytes(nonces[i]);
            cipher.init(Cipher.ENCRYPT_MODE, spec, new GCMParameterSpec(128, nonces[i]));
            cipher.doFinal(plain, i * CHUNK, CHUNK, ct, i * (CHUNK + 16));
        }
        double[] enc = new double[rounds];
        double[] dec = new double[rounds];
        double[] streamEnc = new double[rounds];
        double[] streamDec = new double[rounds];
        double[] drmSink = new double[rounds];
        double[] drmStream = new double[rounds];
        // drm's artifact of the same plaintext, held in memory like the anchors' bytes.
        ArtifactCipher drm = ArtifactCipher.of(Keyring.of(KeyProvider.of(Map.of("bench", key)), "bench"));
        Counting size = new Counting();
        drm.encrypt(new java.io.ByteArrayInputStream(plain), size);
        Fixed artifact = new Fixed(Math.toIntExact(size.count));
        drm.encrypt(new java.io.ByteArrayInputStream(plain), artifact);
        for (int r = -1; r < rounds; r++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < slices; i++) {
                cipher.init(Cipher.ENCRYPT_MODE, spec, new GCMParameterSpec(128, nonces[(i + r + 1) % slices]));
                cipher.doFinal(plain, i * CHUNK, CHUNK, out, 0);
            }
            long t1 = System.nanoTime();
            for (int i = 0; i < slices; i++) {
                cipher.init(Cipher.DECRYPT_MODE, spec, new GCMParameterSpec(128, nonces[i]));
                cipher.doFinal(ct, i * (CHUNK + 16), CHUNK + 16, out, 0);
            }
            long t2 = System.nanoTime();
            if (!Arrays.equals(out, 0, CHUNK, plain, (slices - 1) * CHUNK, slices * CHUNK)) {
                throw new IllegalStateException("JDK round trip differs");
            }
            // Anchor 4: the same slices read from an InputStream over the same 1 GiB, a segment at a
            // time into one reused buffer, as any reader of a stream must (the copy out of the stream).
            byte[] in = new byte[CHUNK + 16];
            long t3 = System.nanoTime();
            try (InputStream src = new java.io.ByteArrayInputStream(plain)) {
                for (int i = 0; i < slices; i++) {
                    src.readNBytes(in, 0, CHUNK);
                    cipher.init(Cipher.ENCRYPT_MODE, spec, new GCMParameterSpec(128, nonces[(i + r + 2) % slices]));
                    cipher.doFinal(in, 0, CHUNK, out, 0);
                }
            }
            long t4 = System.nanoTime();
            try (InputStream src = new java.io.ByteArrayInputStream(ct)) {
                for (int i = 0; i < slices; i++) {
                    src.readNBytes(in, 0, CHUNK + 16);
                    cipher.init(Cipher.DECRYPT_MODE, spec, new GCMParameterSpec(128, nonces[i]));
                    cipher.doFinal(in, 0, CHUNK + 16, out, 0);
                }
            }
            long t5 = System.nanoTime();
            if (!Arrays.equals(out, 0, CHUNK, plain, (slices - 1) * CHUNK, slices * CHUNK)) {
                throw new IllegalStateException("JDK stream round trip differs");
            }
            Counting plainOut = new Counting();
            drm.decrypt(new java.io.ByteArrayInputStream(artifact.bytes), plainOut);
            long t6 = System.nanoTime();
            long drained;
            try (InputStream dec64 = drm.decryptingStream(new java.io.ByteArrayInputStream(artifact.bytes))) {
                drained = drain(dec64);
            }
            long t7 = System.nanoTime();
            if (plainOut.count != TOTAL || drained != TOTAL) {
                throw new IllegalStateException("drm decrypted " + plainOut.count + " / " + drained + " bytes");
            }
            if (r >= 0) {
                enc[r] = mibPerSecond(TOTAL, t1 - t0);
                dec[r] = mibPerSecond(TOTAL, t2 - t1);
                streamEnc[r] = mibPerSecond(TOTAL, t4 - t3);
                streamDec[r] = mibPerSecond(TOTAL, t5 - t4);
                drmSink[r] = mibPerSecond(TOTAL, t6 - t5);
                drmStream[r] = mibPerSecond(TOTAL, t7 - t6);
            }
        }
        Map<String, Double> result = new LinkedHashMap<>();
        result.put("encrypt", median(enc));
        result.put("decrypt", median(dec));
        result.put("streamEncrypt", median(streamEnc));
        result.put("streamDecrypt", median(streamDec));
        result.put("drmDecryptToSink", median(drmSink));
        result.put("drmDecryptStream", median(drmStream));
        return result;
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
