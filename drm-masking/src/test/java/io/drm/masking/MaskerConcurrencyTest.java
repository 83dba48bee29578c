package io.drm.masking;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Eight threads sharing one instance of each masker get exactly the single-threaded results. */
final class MaskerConcurrencyTest {

    private static final int THREADS = 8;
    private static final int COUNT = 3000;

    @Test
    void shared_maskers_give_every_thread_the_single_threaded_results() throws Exception {
        Random random = new Random(5);
        List<TypedMasker> maskers = List.of(
                Maskers.token(MaskerFixtures.KEY, 20, MaskerFixtures.BASE62),
                Maskers.fpe(MaskerFixtures.KEY, MaskerFixtures.DIGITS),
                Maskers.email(MaskerFixtures.KEY, null),
                Maskers.phone(MaskerFixtures.KEY),
                Maskers.paymentCard(MaskerFixtures.KEY, true),
                Maskers.paymentCard(MaskerFixtures.KEY, false),
                Maskers.fullName(MaskerFixtures.KEY),
                Maskers.streetAddress(MaskerFixtures.KEY),
                Maskers.noise(MaskerFixtures.KEY, 15),
                Maskers.dateShift(MaskerFixtures.KEY, 90));
        Object[][] inputs = new Object[maskers.size()][COUNT];
        Object[][] expected = new Object[maskers.size()][COUNT];
        for (int i = 0; i < COUNT; i++) {
            String digits = MaskerFixtures.random(random, MaskerFixtures.DIGITS, 13 + random.nextInt(7));
            inputs[0][i] = MaskerFixtures.random(random, MaskerFixtures.BASE62, 1 + random.nextInt(300));
            inputs[1][i] = digits.substring(0, 3) + "-" + digits.substring(3);
            inputs[2][i] = "user" + digits + "@example.com";
            inputs[3][i] = "+" + digits;
            inputs[4][i] = MaskerFixtures.luhnValid(random, 12 + random.nextInt(8));
            inputs[5][i] = digits;
            inputs[6][i] = "Person " + digits;
            inputs[7][i] = digits + " High Street";
            inputs[8][i] = random.nextBoolean() ? (Object) random.nextInt() : BigDecimal.valueOf(random.nextLong(), 3);
            inputs[9][i] = LocalDate.ofEpochDay(random.nextInt(40_000));
        }
        for (int m = 0; m < maskers.size(); m++) {
            TypedMasker reference = rebuild(m);
            for (int i = 0; i < COUNT; i++) {
                expected[m][i] = reference.mask(inputs[m][i]);
            }
        }

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Object[][]>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int offset = t * 389;
                results.add(pool.submit(() -> {
                    start.await();
                    Object[][] out = new Object[maskers.size()][COUNT];
                    for (int k = 0; k < COUNT; k++) {
                        int i = (k + offset) % COUNT;
                        for (int m = 0; m < maskers.size(); m++) {
                            out[m][i] = maskers.get(m).mask(inputs[m][i]);
                        }
                    }
                    return out;
                }));
            }
            start.countDown();
            for (Future<Object[][]> result : results) {
                Object[][] out = result.get();
                for (int m = 0; m < maskers.size(); m++) {
                    assertThat(out[m]).as(maskers.get(m).name()).containsExactly(expected[m]);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** A fresh instance of masker number m, so the reference shares no state with the shared ones. */
    private static TypedMasker rebuild(int m) {
        byte[] key = MaskerFixtures.KEY.clone();
        return switch (m) {
            case 0 -> Maskers.token(key, 20, MaskerFixtures.BASE62);
            case 1 -> Maskers.fpe(key, MaskerFixtures.DIGITS);
            case 2 -> Maskers.email(key, null);
            case 3 -> Maskers.phone(key);
            case 4 -> Maskers.paymentCard(key, true);
            case 5 -> Maskers.paymentCard(key, false);
            case 6 -> Maskers.fullName(key);
            case 7 -> Maskers.streetAddress(key);
            case 8 -> Maskers.noise(key, 15);
            case 9 -> Maskers.dateShift(key, 90);
            default -> throw new IllegalArgumentException(String.valueOf(m));
        };
    }
}
