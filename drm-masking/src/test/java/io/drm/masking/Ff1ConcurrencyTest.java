package io.drm.masking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** One Ff1 instance serves many threads at once. */
final class Ff1ConcurrencyTest {

    @Test
    void one_instance_gives_every_thread_the_single_threaded_results() throws Exception {
        Random random = new Random(7);
        byte[] key = new byte[32];
        random.nextBytes(key);
        String alphabet = TestAlphabets.BASE62;
        int count = 4000;
        String[] plaintexts = new String[count];
        byte[][] tweaks = new byte[count][];
        String[] expected = new String[count];
        Ff1 reference = Ff1.create(key, alphabet);
        for (int i = 0; i < count; i++) {
            // Lengths on both paths; tweaks change from call to call, and sometimes repeat.
            plaintexts[i] = TestAlphabets.randomText(random, alphabet, 4 + random.nextInt(40));
            tweaks[i] = new byte[random.nextInt(3) * 7];
            random.nextBytes(tweaks[i]);
            expected[i] = reference.encrypt(plaintexts[i], tweaks[i]);
        }

        Ff1 shared = Ff1.create(key, alphabet);
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<String[]>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t * 997;
                Callable<String[]> task = () -> {
                    String[] out = new String[count];
                    for (int k = 0; k < count; k++) {
                        int i = (k + offset) % count;
                        String ciphertext = shared.encrypt(plaintexts[i], tweaks[i]);
                        out[i] = shared.decrypt(ciphertext, tweaks[i]).equals(plaintexts[i]) ? ciphertext : null;
                    }
                    return out;
                };
                results.add(pool.submit(task));
            }
            for (Future<String[]> result : results) {
                assertThat(result.get()).containsExactly(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
