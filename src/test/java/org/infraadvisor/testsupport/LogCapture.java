package org.infraadvisor.testsupport;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Test helper: records every log event while open, with the levels production runs at (root INFO) and the
 * advisor's own loggers fully open (TRACE), then puts the previous levels back.
 */
public final class LogCapture implements AutoCloseable {

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger root;
    private final Logger advisor;
    private final Level rootLevel;
    private final Level advisorLevel;

    public LogCapture() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        advisor = context.getLogger("org.infraadvisor");
        rootLevel = root.getLevel();
        advisorLevel = advisor.getLevel();
        appender.setContext(context);
        appender.start();
        root.addAppender(appender);
        root.setLevel(Level.INFO);
        advisor.setLevel(Level.TRACE);
    }

    public List<ILoggingEvent> events() {
        return List.copyOf(appender.list);
    }

    /** Everything an event would put in a log file: message, MDC, logger, thread and any exception. */
    public static String fullText(ILoggingEvent e) {
        StringBuilder text = new StringBuilder()
                .append(e.getLoggerName()).append(' ').append(e.getThreadName()).append(' ')
                .append(e.getFormattedMessage()).append(' ').append(e.getMDCPropertyMap());
        for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
            text.append(' ').append(t.getClassName()).append(": ").append(t.getMessage());
            for (StackTraceElementProxy frame : t.getStackTraceElementProxyArray()) {
                text.append(' ').append(frame.getSTEAsString());
            }
        }
        return text.toString();
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
        root.setLevel(rootLevel);
        advisor.setLevel(advisorLevel);
    }
}
