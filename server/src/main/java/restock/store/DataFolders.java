package restock.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Opens a data folder's database the one safe way: the process that takes the folder's lock runs the embedded server;
 * any other process connects to that server as a client or refuses. Nobody but the lock's holder starts or stops it.
 */
final class DataFolders {
    private static final Logger log = LoggerFactory.getLogger(DataFolders.class);
    /** The owner may be stopping an orphaned server and then starting its own: both are bounded in EmbeddedServer. */
    static final Duration OWNER_START_WAIT = Duration.ofSeconds(150);
    private static final Duration POLL = Duration.ofMillis(200);

    /** What a process that does not get the lock does. */
    enum WhenServed { ATTACH, REFUSE }

    private DataFolders() {
    }

    static Database open(Path dataDirectory, WhenServed whenServed) {
        Instant deadline = Instant.now().plus(OWNER_START_WAIT);
        boolean toldWaiting = false;
        while (true) {
            Optional<DataFolderLock> lock = DataFolderLock.tryAcquire(dataDirectory);
            if (lock.isPresent()) {
                // A serving process stops its database itself, last (ServeCommand's shutdown); a command lets the JVM do it.
                return Database.startOwned(dataDirectory, lock.get(), whenServed == WhenServed.REFUSE
                        ? EmbeddedServer.Stop.BY_OWNER : EmbeddedServer.Stop.WITH_JVM);
            }
            Optional<DataFolderLock.Owner> owner = DataFolderLock.publishedOwner(dataDirectory);
            if (owner.isPresent()) {
                return whenServed == WhenServed.REFUSE
                        ? refuse(dataDirectory, owner.get().pid(), " (since " + owner.get().since() + ")")
                        : attach(dataDirectory, owner.get());
            }
            long startingPid = DataFolderLock.writtenPid(dataDirectory).orElse(-1L);
            if (whenServed == WhenServed.REFUSE && startingPid > 0) {
                return refuse(dataDirectory, startingPid, " (still starting its database)");
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(DataFolderLock.lockFileOf(dataDirectory) + " is held by pid " + startingPid
                        + ", which has not published its database address within " + OWNER_START_WAIT.toSeconds()
                        + " s; is that process a Restock that hangs?");
            }
            if (!toldWaiting) {
                log.info("waiting for Restock pid {} to finish starting the database in {}", startingPid, dataDirectory);
                toldWaiting = true;
            }
            sleep();
        }
    }

    private static Database attach(Path dataDirectory, DataFolderLock.Owner owner) {
        log.info("Restock pid {} serves {}; working through its database at {}", owner.pid(), dataDirectory, owner.jdbcUrl());
        try {
            return Database.attach(owner.jdbcUrl());
        } catch (RuntimeException e) {
            throw new IllegalStateException("Restock pid " + owner.pid() + " serves " + dataDirectory
                    + " but its database at " + owner.jdbcUrl() + " does not answer: " + e.getMessage(), e);
        }
    }

    private static Database refuse(Path dataDirectory, long pid, String detail) {
        throw new DataFolderInUse(dataDirectory, pid, detail);
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the data folder's owner", e);
        }
    }
}
