package restock.fuzz;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the exceptions the in-process server logs at ERROR, each as a cause: the root exception's class and
 * the first Restock frame it passed through, then its message. Two 500s with one cause are one bug.
 */
final class ServerErrors extends AppenderBase<ILoggingEvent> implements AutoCloseable {
    private final List<String> causes = new ArrayList<>();

    ServerErrors() {
        setName("fuzz-server-errors");
        start();
        root().addAppender(this);
    }

    @Override
    protected synchronized void append(ILoggingEvent event) {
        if (event.getLevel().isGreaterOrEqual(Level.ERROR) && event.getThrowableProxy() != null) {
            causes.add(cause(event.getThrowableProxy()));
        }
    }

    /** The causes logged since the last call. */
    synchronized List<String> drain() {
        List<String> drained = List.copyOf(causes);
        causes.clear();
        return drained;
    }

    static String cause(IThrowableProxy thrown) {
        IThrowableProxy root = thrown;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String where = restockFrame(root);
        if (where.isEmpty()) {
            where = restockFrame(thrown);
        }
        String message = root.getMessage() == null ? "" : root.getMessage().replaceAll("\\s+", " ");
        return root.getClassName().replaceAll(".*\\.", "") + " @ " + where + " -- "
                + (message.length() > 200 ? message.substring(0, 200) + "..." : message);
    }

    private static String restockFrame(IThrowableProxy thrown) {
        for (StackTraceElementProxy frame : thrown.getStackTraceElementProxyArray()) {
            StackTraceElement element = frame.getStackTraceElement();
            if (element.getClassName().startsWith("restock.")) {
                return element.getClassName().replaceAll(".*\\.", "") + "." + element.getMethodName() + ":" + element.getLineNumber();
            }
        }
        return "";
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    @Override
    public void close() {
        root().detachAppender(this);
        stop();
    }
}
