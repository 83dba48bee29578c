package io.drm.testing;

import io.drm.CanaryCheck;
import io.drm.CanaryResult;
import io.drm.DataRelease;
import io.drm.spi.ConfigStore;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A separate JVM process that runs a canary configuration release with a healthy check, for the
 * killed-canary tests. Arguments: JDBC URL, user, location, window in milliseconds. Prints
 * {@code POLL <n>} before each poll (so the parent can kill it inside the window) and
 * {@code RESULT <passed>} at the end.
 */
public final class CanaryMain {

    private CanaryMain() {
    }

    /**
     * Runs the canary on the database's own configuration store.
     *
     * @param args url, user, location, window millis
     */
    public static void main(String[] args) {
        run(args, null);
    }

    /**
     * Runs the canary.
     *
     * @param args url, user, location, window millis
     * @param store the configuration store, or {@code null} for the database's own
     */
    public static void run(String[] args, ConfigStore store) {
        try {
            AtomicInteger polls = new AtomicInteger();
            DataRelease.Builder b = DataRelease.configure().jdbc(args[0], args[1], null).locations(args[2])
                    .lockTimeout(Duration.ofSeconds(30));
            if (store != null) {
                b.configStore(store);
            }
            CanaryResult r = b.canary(CanaryCheck.of(() -> {
                System.out.println("POLL " + polls.incrementAndGet());
                System.out.flush();
                return true;
            })).window(Duration.ofMillis(Long.parseLong(args[3]))).interval(Duration.ofMillis(50)).release();
            System.out.println("RESULT " + r.passed());
            System.exit(0);
        } catch (RuntimeException e) {
            System.out.println("ERROR " + e);
            e.printStackTrace(System.out);
            System.exit(1);
        }
    }
}
