package restock.store;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * Refuses a thread a second pooled connection while it holds one. Inside a transaction that holds locks, a second
 * connection waits on a pool that other lock waiters hold: under load every request then waits for a connection
 * held by another waiting request. This fails at once, naming the rule, instead of deadlocking for the pool timeout.
 */
final class OneConnectionPerThread implements DataSource {
    private final DataSource pool;
    private final ThreadLocal<Integer> held = ThreadLocal.withInitial(() -> 0);

    OneConnectionPerThread(DataSource pool) {
        this.pool = pool;
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (held.get() > 0) {
            throw new IllegalStateException("thread " + Thread.currentThread().getName() + " asked for a second database connection "
                    + "while it holds one; inside a transaction use that transaction's handle (a second one deadlocks the pool under load)");
        }
        Connection connection = pool.getConnection();
        held.set(held.get() + 1);
        return tracked(connection);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the pool's own credentials are used");
    }

    /** The connection, whose first close gives this thread's claim back. */
    private Connection tracked(Connection connection) {
        AtomicBoolean closed = new AtomicBoolean();
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close") && closed.compareAndSet(false, true)) {
                        held.set(Math.max(0, held.get() - 1));
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : pool.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || pool.isWrapperFor(type);
    }
}
