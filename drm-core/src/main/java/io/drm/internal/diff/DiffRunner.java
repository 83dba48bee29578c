package io.drm.internal.diff;

import io.drm.DiffFailedException;
import io.drm.DiffReport;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checksum bisection over two tables: split the first key column's range into segments, compare
 * each segment's count and hash sum computed in each database, split mismatching segments again,
 * and compare small ones row by row (key and row hash only reach the JVM).
 */
public final class DiffRunner {

    private static final Logger LOG = LoggerFactory.getLogger("io.drm.diff");
    private static final long PROGRESS_NANOS = 5_000_000_000L;

    private final Side source;
    private final Side target;
    private final boolean integerKey;
    private final int parallelism;
    private final int factor;
    private final long threshold;
    private final String label;

    private final List<List<Object>> added = new ArrayList<>();
    private final List<List<Object>> removed = new ArrayList<>();
    private final List<List<Object>> changed = new ArrayList<>();
    private long sourceRows;
    private long fetched;
    private long segments;
    private long lastProgress = System.nanoTime();

    DiffRunner(Side source, Side target, boolean integerKey, int parallelism, int factor, long threshold) {
        this.source = source;
        this.target = target;
        this.integerKey = integerKey;
        this.parallelism = parallelism;
        this.factor = factor;
        this.threshold = threshold;
        this.label = source.describe() + " -> " + target.describe();
    }

    /**
     * A segment split at bounds into children, whose checksums one query per side computes; with a
     * {@code step}, the bounds are {@code base + i * step} (equal-width integer children).
     */
    private record Split(Segment parent, List<Object> bounds, List<Segment> children, BigInteger base,
            BigInteger step) {
    }

    DiffReport run(String sourceName, String targetName) {
        ExecutorService pool = Executors.newFixedThreadPool(parallelism, new Named());
        try {
            List<Split> level = rootSplit(pool);
            while (!level.isEmpty()) {
                level = step(pool, level);
            }
        } finally {
            pool.shutdownNow();
        }
        added.sort(KeyOrder.INSTANCE);
        removed.sort(KeyOrder.INSTANCE);
        changed.sort(KeyOrder.INSTANCE);
        LOG.debug("table diff {}: {} segments, {} rows fetched, {} added, {} removed, {} changed", label, segments,
                fetched, added.size(), removed.size(), changed.size());
        return new DiffReport(sourceName, targetName, added, removed, changed, sourceRows + added.size(), fetched,
                segments);
    }

    /** The first level: the whole range split without checksumming it as one piece. */
    private List<Split> rootSplit(ExecutorService pool) {
        Segment root = new Segment(null, null, 0);
        if (integerKey) {
            List<Side.Checksum> both = await(List.of(pool.submit(() -> source.bounds()),
                    pool.submit(() -> target.bounds())));
            Split split = splitIntegers(root, both.get(0), both.get(1), rootFactor());
            if (split == null) {
                compareRows(pool, List.of(root));
                return List.of();
            }
            return List.of(split);
        }
        List<Side.Checksum> both = await(List.of(pool.submit(() -> source.checksum(root)),
                pool.submit(() -> target.checksum(root))));
        segments++;
        if (both.get(0).equals(both.get(1))) {
            sourceRows += both.get(0).count();
            return List.of();
        }
        return splitOrCompare(pool, List.of(root), List.of(both));
    }

    private List<Split> step(ExecutorService pool, List<Split> level) {
        List<Future<List<Side.Checksum>>> futures = new ArrayList<>();
        for (Split split : level) {
            futures.add(pool.submit(() -> source.checksums(split.parent(), split.bounds(), split.base(), split.step())));
            futures.add(pool.submit(() -> target.checksums(split.parent(), split.bounds(), split.base(), split.step())));
        }
        List<List<Side.Checksum>> sums = await(futures);
        List<Segment> mismatched = new ArrayList<>();
        List<List<Side.Checksum>> pairs = new ArrayList<>();
        int depth = 0;
        for (int i = 0; i < level.size(); i++) {
            List<Segment> children = level.get(i).children();
            segments += children.size();
            for (int j = 0; j < children.size(); j++) {
                Side.Checksum s = sums.get(2 * i).get(j);
                Side.Checksum t = sums.get(2 * i + 1).get(j);
                depth = children.get(j).depth();
                if (s.count() == t.count() && s.sum().equals(t.sum())) {
                    sourceRows += s.count();
                } else {
                    mismatched.add(children.get(j));
                    pairs.add(List.of(s, t));
                }
            }
        }
        progress(depth);
        return splitOrCompare(pool, mismatched, pairs);
    }

    private List<Split> splitOrCompare(ExecutorService pool, List<Segment> mismatched,
            List<List<Side.Checksum>> pairs) {
        List<Split> next = new ArrayList<>();
        List<Segment> small = new ArrayList<>();
        List<Segment> sampledSegments = new ArrayList<>();
        List<Future<List<String>>> sampled = new ArrayList<>();
        for (int i = 0; i < mismatched.size(); i++) {
            Segment seg = mismatched.get(i);
            Side.Checksum s = pairs.get(i).get(0);
            Side.Checksum t = pairs.get(i).get(1);
            if (Math.max(s.count(), t.count()) <= threshold) {
                small.add(seg);
            } else if (integerKey) {
                Split split = splitIntegers(seg, s, t, factor);
                if (split == null) {
                    small.add(seg);
                } else {
                    next.add(split);
                }
            } else {
                Side larger = s.count() >= t.count() ? source : target;
                long step = Math.max(1, Math.max(s.count(), t.count()) / factor);
                sampledSegments.add(seg);
                sampled.add(pool.submit(() -> larger.sample(seg, step)));
            }
        }
        List<List<String>> samples = await(sampled);
        for (int i = 0; i < samples.size(); i++) {
            Split split = splitTexts(sampledSegments.get(i), samples.get(i));
            if (split == null) {
                small.add(sampledSegments.get(i)); // one key value: compared row by row
            } else {
                next.add(split);
            }
        }
        compareRows(pool, small);
        return next;
    }

    /**
     * The first level splits the whole key range into {@code segments^2} children (at most 1024)
     * in one scan per side, which is the work of two levels for the price of one: the next level
     * then only reads the few mismatching children.
     */
    private int rootFactor() {
        return Math.max(factor, Math.min(factor * factor, 1024));
    }

    /** Splits {@code [min, max]} of both sides into at most {@code n} children of equal width. */
    private Split splitIntegers(Segment seg, Side.Checksum s, Side.Checksum t, int n) {
        BigInteger lo = min(s.min(), t.min());
        BigInteger hi = max(s.max(), t.max());
        // Children stay inside the segment (a child's key range may be wider than its rows).
        if (lo != null && seg.lo() != null) {
            lo = lo.max((BigInteger) seg.lo());
        }
        if (hi != null && seg.hi() != null) {
            hi = hi.min(((BigInteger) seg.hi()).subtract(BigInteger.ONE));
        }
        if (lo == null || lo.compareTo(hi) >= 0) {
            return null;
        }
        BigInteger width = hi.subtract(lo).add(BigInteger.ONE);
        BigInteger[] qr = width.divideAndRemainder(BigInteger.valueOf(n));
        BigInteger step = qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
        List<Object> bounds = new ArrayList<>();
        for (BigInteger b = lo.add(step); b.compareTo(hi) <= 0; b = b.add(step)) {
            bounds.add(b);
        }
        Split split = split(seg, bounds);
        if (Buckets.arithmeticFits(lo, hi, step)) {
            return new Split(split.parent(), split.bounds(), split.children(), lo, step);
        }
        return split;
    }

    private Split splitTexts(Segment seg, List<String> sample) {
        TreeSet<String> bounds = new TreeSet<>(KeyOrder::codePoints);
        for (String b : sample) {
            if (b != null && (seg.lo() == null || KeyOrder.codePoints(b, (String) seg.lo()) > 0)
                    && (seg.hi() == null || KeyOrder.codePoints(b, (String) seg.hi()) < 0)) {
                bounds.add(b);
            }
        }
        return bounds.isEmpty() ? null : split(seg, new ArrayList<>(bounds));
    }

    private static Split split(Segment seg, List<Object> bounds) {
        List<Segment> out = new ArrayList<>();
        Object lo = seg.lo();
        for (Object b : bounds) {
            out.add(new Segment(lo, b, seg.depth() + 1));
            lo = b;
        }
        out.add(new Segment(lo, seg.hi(), seg.depth() + 1));
        return new Split(seg, List.copyOf(bounds), out, null, null);
    }

    private void compareRows(ExecutorService pool, List<Segment> small) {
        List<Future<List<Side.Row>>> futures = new ArrayList<>();
        for (Segment s : small) {
            futures.add(pool.submit(() -> source.rows(s)));
            futures.add(pool.submit(() -> target.rows(s)));
        }
        List<List<Side.Row>> rows = await(futures);
        for (int i = 0; i < small.size(); i++) {
            merge(rows.get(2 * i), rows.get(2 * i + 1));
        }
    }

    private void merge(List<Side.Row> s, List<Side.Row> t) {
        fetched += s.size() + t.size();
        sourceRows += s.size();
        List<Side.Row> a = new ArrayList<>(s);
        List<Side.Row> b = new ArrayList<>(t);
        a.sort((x, y) -> KeyOrder.INSTANCE.compare(x.key(), y.key()));
        b.sort((x, y) -> KeyOrder.INSTANCE.compare(x.key(), y.key()));
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            int c = i == a.size() ? 1 : j == b.size() ? -1 : KeyOrder.INSTANCE.compare(a.get(i).key(), b.get(j).key());
            if (c < 0) {
                removed.add(a.get(i++).key());
            } else if (c > 0) {
                added.add(b.get(j++).key());
            } else {
                if (!a.get(i).hash().equals(b.get(j).hash())) {
                    changed.add(a.get(i).key());
                }
                i++;
                j++;
            }
        }
    }

    private void progress(int depth) {
        long now = System.nanoTime();
        if (now - lastProgress >= PROGRESS_NANOS) {
            lastProgress = now;
            LOG.info("table diff {} - depth {}: {} segments checked, {} rows fetched, {} differences so far", label,
                    depth, segments, fetched, added.size() + removed.size() + changed.size());
        }
    }

    private static <T> List<T> await(List<Future<T>> futures) {
        List<T> out = new ArrayList<>(futures.size());
        try {
            for (Future<T> f : futures) {
                out.add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            futures.forEach(f -> f.cancel(true));
            throw new DiffFailedException("the table diff was interrupted; nothing was changed", e);
        } catch (ExecutionException e) {
            futures.forEach(f -> f.cancel(true));
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new DiffFailedException("the table diff failed: " + e.getCause(), e.getCause());
        }
        return out;
    }

    private static BigInteger min(BigInteger a, BigInteger b) {
        return a == null ? b : b == null ? a : a.min(b);
    }

    private static BigInteger max(BigInteger a, BigInteger b) {
        return a == null ? b : b == null ? a : a.max(b);
    }

    private static final class Named implements java.util.concurrent.ThreadFactory {
        private final AtomicInteger n = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "drm-diff-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }
}
