package restock.store;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The claim of one Restock process on an embedded data folder: an OS lock ({@link FileChannel#tryLock}) on the file
 * {@code <folder>.lock} beside the folder, held for as long as this process runs the folder's PostgreSQL server.
 * The owner writes its pid and its server's address into that file, so a second process can work through the running
 * server instead of starting (or stopping) one of its own. The OS drops the lock when the owner dies, however it dies,
 * so a free lock beside a running postmaster means that postmaster is an orphan.
 *
 * <p>The lock sits beside the folder, not in it, because PostgreSQL's initdb wants an empty folder on first start.
 * Within one JVM the claims are also kept in a map: closing any channel on a locked file would release the JVM's lock
 * (POSIX record locks belong to the process), so a claimant in the owning JVM must not open the file at all.
 */
public final class DataFolderLock implements AutoCloseable {
    private static final Map<Path, DataFolderLock> HELD_IN_THIS_JVM = new ConcurrentHashMap<>();

    private final Path lockFile;
    private final FileChannel channel;
    private final FileLock lock;
    private volatile Optional<Owner> published = Optional.empty();

    /** The Restock process that runs a data folder's server, and where its database answers. */
    public record Owner(long pid, String jdbcUrl, Instant since) {
    }

    private DataFolderLock(Path lockFile, FileChannel channel, FileLock lock) {
        this.lockFile = lockFile;
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock file of a data folder: {@code restock-data.lock} beside {@code restock-data}. */
    public static Path lockFileOf(Path dataDirectory) {
        Path folder = dataDirectory.toAbsolutePath().normalize();
        if (folder.getParent() == null) {
            throw new IllegalArgumentException("the data folder cannot be the file system root: " + folder);
        }
        return folder.resolveSibling(folder.getFileName() + ".lock");
    }

    /** Takes the folder's lock, or answers empty when another process (or another part of this one) holds it. */
    public static synchronized Optional<DataFolderLock> tryAcquire(Path dataDirectory) {
        Path lockFile = lockFileOf(dataDirectory);
        if (HELD_IN_THIS_JVM.containsKey(lockFile)) {
            return Optional.empty();
        }
        try {
            Files.createDirectories(lockFile.getParent());
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException | IOException e) {
                channel.close();
                throw e;
            }
            if (lock == null) {
                channel.close();
                return Optional.empty();
            }
            DataFolderLock claim = new DataFolderLock(lockFile, channel, lock);
            claim.write("pid=" + ProcessHandle.current().pid() + "\nstate=starting\n");
            HELD_IN_THIS_JVM.put(lockFile, claim);
            return Optional.of(claim);
        } catch (IOException e) {
            throw new IllegalStateException("could not lock " + lockFile + ": " + e.getMessage(), e);
        }
    }

    /**
     * Who runs the folder's server, if a live process holds its lock and has published its server's address. Empty
     * while the owner is still starting its server, and when the file is left over from a process that is gone.
     */
    public static Optional<Owner> publishedOwner(Path dataDirectory) {
        Path lockFile = lockFileOf(dataDirectory);
        DataFolderLock inThisJvm = HELD_IN_THIS_JVM.get(lockFile);
        if (inThisJvm != null) {
            return inThisJvm.published;
        }
        try {
            return parse(Files.readString(lockFile, StandardCharsets.UTF_8));
        } catch (java.nio.file.NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new IllegalStateException("could not read " + lockFile + ": " + e.getMessage(), e);
        }
    }

    /** The pid written in the lock file, also while the owner is still starting its server. */
    public static Optional<Long> writtenPid(Path dataDirectory) {
        Path lockFile = lockFileOf(dataDirectory);
        if (HELD_IN_THIS_JVM.containsKey(lockFile)) {
            return Optional.of(ProcessHandle.current().pid());
        }
        try {
            return pid(properties(Files.readString(lockFile, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static Optional<Owner> parse(String text) {
        Properties properties = properties(text);
        Optional<Long> pid = pid(properties);
        String url = properties.getProperty("jdbcUrl");
        String since = properties.getProperty("since");
        if (pid.isEmpty() || url == null || since == null || ProcessHandle.of(pid.get()).filter(ProcessHandle::isAlive).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Owner(pid.get(), url, Instant.parse(since)));
    }

    private static Properties properties(String text) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            return new Properties(); // A half-written file reads as "not published yet".
        }
        return properties;
    }

    private static Optional<Long> pid(Properties properties) {
        try {
            return Optional.ofNullable(properties.getProperty("pid")).map(Long::parseLong);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Writes where this process's server answers, so other Restock processes on the folder can connect to it. */
    public void publish(String jdbcUrl, Instant since) {
        Owner owner = new Owner(ProcessHandle.current().pid(), jdbcUrl, since);
        write("pid=" + owner.pid() + "\nstate=serving\njdbcUrl=" + jdbcUrl.replace("\\", "\\\\") + "\nsince=" + since + "\n");
        published = Optional.of(owner);
    }

    private void write(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try {
            channel.truncate(0);
            // One positional write of a few hundred bytes: a reader sees the old, the empty or the whole text.
            channel.write(ByteBuffer.wrap(bytes), 0);
            channel.force(false);
        } catch (IOException e) {
            throw new IllegalStateException("could not write " + lockFile + ": " + e.getMessage(), e);
        }
    }

    public Path lockFile() {
        return lockFile;
    }

    @Override
    public synchronized void close() {
        published = Optional.empty();
        HELD_IN_THIS_JVM.remove(lockFile, this);
        try {
            if (channel.isOpen()) {
                channel.truncate(0);
                lock.release();
                channel.close();
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not release " + lockFile + ": " + e.getMessage(), e);
        }
    }
}
