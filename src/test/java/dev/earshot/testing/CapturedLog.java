package dev.earshot.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Every log record the app writes while open, from the root logger down (Quarkus routes JBoss Logging,
 * JUL and SLF4J there): for tests that check what is logged, at which level, with or without a stack trace.
 */
public final class CapturedLog extends Handler implements AutoCloseable {

    /** One record as a reader of the log sees it. */
    public record Line(Level level, String logger, String message, Throwable thrown) {

        /** The message with its stack trace, as a log file would hold it. */
        public String text() {
            if (thrown == null) {
                return message;
            }
            var out = new StringWriter();
            thrown.printStackTrace(new PrintWriter(out));
            return message + "\n" + out;
        }
    }

    private final List<Line> lines = new CopyOnWriteArrayList<>();

    private CapturedLog() {
        setLevel(Level.ALL);
    }

    public static CapturedLog start() {
        CapturedLog log = new CapturedLog();
        Logger.getLogger("").addHandler(log);
        return log;
    }

    @Override
    public void publish(LogRecord record) {
        String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
        lines.add(new Line(
                record.getLevel(), record.getLoggerName(), message == null ? "" : message, record.getThrown()));
    }

    public List<Line> lines() {
        return List.copyOf(lines);
    }

    /** The lines whose message contains {@code text}. */
    public List<Line> containing(String text) {
        return lines.stream().filter(line -> line.message().contains(text)).toList();
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }
}
