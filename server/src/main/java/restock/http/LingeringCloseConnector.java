package restock.http;

import org.eclipse.jetty.io.ManagedSelector;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.Scheduler;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Jetty's HTTP connector with a lingering close: a connection Jetty closes while its client may still be sending is
 * half-closed, and what the client still sends is read and dropped before the socket is closed.
 *
 * <p>Jetty closes the connection at once after refusing a request at its request line (an encoded NUL, a dot segment
 * such as %2e%2e, an unknown HTTP version, headers too large) or after an answer that left the body unread. Closing a
 * socket with unread bytes makes the kernel send a reset, and a client still writing its body then gets the reset in
 * place of the answer already sent to it (issue #11). Apache httpd and nginx close the same way. Lingering is bounded
 * in time, bytes and sockets, so a client cannot use it to hold sockets open.
 */
final class LingeringCloseConnector extends ServerConnector {
    /** The longest a closed connection keeps reading what its client still sends. */
    static final Duration LINGER_TIME = Duration.ofSeconds(5);
    /** The most one closed connection reads and drops: the rest of a request at the limits, headers and body. */
    static final long LINGER_MAX_BYTES = HttpApi.MAX_HEADER_BYTES + HttpApi.MAX_DRAINED_BYTES;
    /** Past this many lingering sockets, further ones are closed at once (a client may then see a reset). */
    static final int MAX_LINGERING_SOCKETS = 1024;
    /** How often a lingering socket is read; the client's bytes wait in the kernel meanwhile. */
    private static final Duration LINGER_READ_INTERVAL = Duration.ofMillis(20);
    /** What is read is dropped, so each thread reuses one buffer. */
    private static final ThreadLocal<ByteBuffer> DISCARDED = ThreadLocal.withInitial(() -> ByteBuffer.allocate(16 * 1024));

    private final Set<Lingering> lingering = ConcurrentHashMap.newKeySet();

    /**
     * Buffers are not pooled: after a refusal at the request line Jetty 12.1 can release a connection's buffer to the
     * pool while it is still being read into (Jetty issue #12939), and another connection then parsed those bytes
     * (a fresh connection's GET /health answered 400 "Illegal character VCHAR=','" from another client's body: twice in
     * one CI run's JettyErrorsAsProblemsTest, 1 in 11,200 refusals by a 4-thread harness). A buffer that is never
     * reused cannot carry one connection's bytes into another; the cost is an allocation per buffer.
     */
    LingeringCloseConnector(Server server, HttpConfiguration http, String host, int port) {
        super(server, null, null, org.eclipse.jetty.io.ByteBufferPool.NON_POOLING, -1, -1, new RequestTargetConnectionFactory(http));
        setHost(host);
        setPort(port);
    }

    @Override
    protected SocketChannelEndPoint newEndPoint(SocketChannel channel, ManagedSelector selector, SelectionKey key) {
        SocketChannelEndPoint endpoint = new LingeringEndPoint(channel, selector, key, getScheduler());
        endpoint.setIdleTimeout(getIdleTimeout());
        return endpoint;
    }

    /** A stopped connector holds no socket open: what still lingers is closed. */
    @Override
    protected void doStop() throws Exception {
        super.doStop();
        lingering.forEach(Lingering::close);
    }

    /** An endpoint whose close half-closes the socket and lingers, instead of closing it over unread bytes. */
    private final class LingeringEndPoint extends SocketChannelEndPoint {
        private final ManagedSelector selector;

        LingeringEndPoint(SocketChannel channel, ManagedSelector selector, SelectionKey key, Scheduler scheduler) {
            super(channel, selector, key, scheduler);
            this.selector = selector;
        }

        /**
         * Jetty is done with the connection (the endpoint is closed, Jetty reads and writes no more on it); only the
         * socket's own close is put off. The answer already written goes out ahead of the FIN.
         */
        @Override
        public void doClose() {
            Lingering linger = new Lingering(getChannel(), selector, super::doClose);
            boolean lingers = LingeringCloseConnector.this.isRunning() && lingering.size() < MAX_LINGERING_SOCKETS;
            if (!lingers || !linger.halfCloseAndDrain()) {
                linger.close();
                return;
            }
            lingering.add(linger);
            if (!LingeringCloseConnector.this.isRunning()) {
                // Stopping meanwhile: doStop may have passed this one by.
                linger.close();
                return;
            }
            linger.readLater();
        }
    }

    /** One half-closed socket, read and drained until its client closes, the byte limit or the deadline. */
    private final class Lingering implements Runnable {
        private final SocketChannel channel;
        private final ManagedSelector selector;
        private final Runnable closeSocket;
        private final long deadlineNanos = System.nanoTime() + LINGER_TIME.toNanos();
        private long readBytes;
        private boolean closed;

        Lingering(SocketChannel channel, ManagedSelector selector, Runnable closeSocket) {
            this.channel = channel;
            this.selector = selector;
            this.closeSocket = closeSocket;
        }

        /** Half-closes, then reads what has arrived; true while the client may still send. */
        boolean halfCloseAndDrain() {
            try {
                channel.shutdownOutput();
            } catch (IOException | RuntimeException alreadyGone) {
                return false;
            }
            return drainAvailable();
        }

        void readLater() {
            getScheduler().schedule(this, LINGER_READ_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public void run() {
            if (drainAvailable() && System.nanoTime() - deadlineNanos < 0) {
                readLater();
            } else {
                close();
            }
        }

        /** Reads and drops what has arrived; false once the client has closed, the socket fails or the limit is met. */
        private boolean drainAvailable() {
            ByteBuffer buffer = DISCARDED.get();
            try {
                int read;
                while ((read = channel.read(buffer.clear())) > 0) {
                    readBytes += read;
                    if (readBytes > LINGER_MAX_BYTES) {
                        return false;
                    }
                }
                return read == 0;
            } catch (IOException | RuntimeException gone) {
                return false;
            }
        }

        synchronized void close() {
            if (closed) {
                return;
            }
            closed = true;
            lingering.remove(this);
            closeSocket.run();
            // The selector the socket is registered with releases it only when it next wakes up.
            selector.submit(ignored -> { });
        }
    }
}
