package io.drm.audit;

import static io.drm.audit.TestKeys.OPENSSL_PRIVATE_PEM;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** One key signs and verifies correctly from many threads at once. */
final class ConcurrentSigningTest {

    private static final int THREADS = 8;
    private static final int ROUNDS = 200;

    @Test
    void eight_threads_signing_and_verifying_with_one_key_get_the_single_threaded_results() throws Exception {
        AuditSigningKey key = AuditSigningKey.fromPem(OPENSSL_PRIVATE_PEM);
        AuditPublicKey publicKey = key.publicKey();
        byte[][][] expected = new byte[THREADS][ROUNDS][];
        for (int t = 0; t < THREADS; t++) {
            for (int r = 0; r < ROUNDS; r++) {
                expected[t][r] = key.sign(message(t, r));
            }
        }

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                Callable<Integer> work = () -> {
                    start.await();
                    int correct = 0;
                    for (int r = 0; r < ROUNDS; r++) {
                        byte[] message = message(thread, r);
                        byte[] signature = key.sign(message);
                        boolean same = Arrays.equals(signature, expected[thread][r]);
                        boolean verifies = publicKey.verify(message, signature);
                        boolean rejectsOther = !publicKey.verify(message(thread, r + 1), signature);
                        if (same && verifies && rejectsOther) {
                            correct++;
                        }
                    }
                    return correct;
                };
                results.add(pool.submit(work));
            }
            start.countDown();
            for (Future<Integer> result : results) {
                assertThat(result.get()).isEqualTo(ROUNDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static byte[] message(int thread, int round) {
        return ("checkpoint thread=" + thread + " round=" + round).getBytes(StandardCharsets.UTF_8);
    }
}
