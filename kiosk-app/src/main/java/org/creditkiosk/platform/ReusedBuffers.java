package org.creditkiosk.platform;

import java.util.BitSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's answers about a citizen must not outlive the visit in buffers a library keeps for reuse (found by
 * the soak's heap scan, docs/benchmarks.md). Two such pools sit under the platform client:
 * <ul>
 *   <li>Okio's {@code SegmentPool}: the 8 KiB segments OkHttp read an answer into go back to a pool, unwiped, up to
 *       64 KiB in each of its buckets; a bucket is chosen by the thread id ({@code id & (buckets - 1)}, buckets =
 *       the highest power of two ≤ 2 × processors - 1). {@link #overwriteOkioPool()} takes every pooled segment of
 *       every bucket (from a thread of each bucket) and gives it back full of zeros.</li>
 *   <li>The TLS engine's record buffers of a kept-alive connection hold the last answers in plain text: the client
 *       evicts its idle connections after a visit (HttpPlatformClient#forgetVisit).</li>
 * </ul>
 * Jackson's buffer recycling is switched off in {@code Json} for the same reason.
 */
final class ReusedBuffers {

    private static final Logger log = LoggerFactory.getLogger(ReusedBuffers.class);
    /** Okio's pool holds at most 64 KiB a bucket: one segment more than that empties it. */
    private static final int OKIO_BUCKET_BYTES = 64 * 1024 + 8192;

    private ReusedBuffers() {
    }

    static void overwriteOkioPool() {
        int buckets = Integer.highestOneBit(Runtime.getRuntime().availableProcessors() * 2 - 1);
        BitSet done = new BitSet(buckets);
        // thread ids grow by one per thread: a few short threads cover every bucket
        for (int tries = 0; done.cardinality() < buckets && tries < 4 * buckets + 8; tries++) {
            Thread t = new Thread(ReusedBuffers::overwriteOwnBucket, "okio-pool-wipe");
            int bucket = (int) (t.getId() & (buckets - 1));
            if (done.get(bucket)) {
                continue;
            }
            t.setDaemon(true);
            t.start();
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            done.set(bucket);
        }
        if (done.cardinality() < buckets) {
            log.warn("okio buffer pool: {} of {} buckets overwritten", done.cardinality(), buckets);
        }
    }

    private static void overwriteOwnBucket() {
        try (okio.Buffer b = new okio.Buffer()) {
            b.write(new byte[OKIO_BUCKET_BYTES]); // takes the pooled segments first, writes zeros over them
            b.clear();                             // and gives them back
        }
    }
}
