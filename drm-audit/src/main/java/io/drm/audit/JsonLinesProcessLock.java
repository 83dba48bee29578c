package io.drm.audit;

import io.drm.audit.internal.LogFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The lock file that lets one process at a time write a JSON-lines log. */
final class JsonLinesProcessLock implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JsonLinesAuditSink.class);

    private final LogFiles files;
    private final FileChannel channel;
    private final FileLock lock;

    private JsonLinesProcessLock(LogFiles files, FileChannel channel, FileLock lock) {
        this.files = files;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the log's lock file.
     *
     * @throws AuditStoreException if another sink, in this process or another, holds it
     */
    static JsonLinesProcessLock acquire(LogFiles files) throws IOException {
        FileChannel channel = FileChannel.open(files.lock(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw new AuditStoreException("another sink is writing the audit log " + files.active()
                    + " (its lock file " + files.lock() + " is held). One process writes a JSON-lines log at"
                    + " a time; give each process its own file, or use JdbcAuditSink for many writers.");
        }
        return new JsonLinesProcessLock(files, channel, lock);
    }

    /** Releases the lock; never throws. */
    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            LOG.debug("releasing {} failed", files.lock(), e);
        }
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("close failed", e);
        }
    }
}
