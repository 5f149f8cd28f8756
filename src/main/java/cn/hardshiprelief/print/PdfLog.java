package cn.hardshiprelief.print;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLogger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.logging.Level;

/**
 * openhtmltopdf's log through the application's (it writes to the console through java.util.logging otherwise):
 * errors and warnings as such, its timings at debug. The CSS parser's complaints are debug too: the sheets share
 * their style with the browser's page, and the PDF skips the screen-only rules (flex, @media screen) by design.
 */
final class PdfLog implements XRLogger {

    private static final String CSS_PARSE = "com.openhtmltopdf.css-parse";

    @Override
    public void log(String where, Level level, String message) {
        log(where, level, message, null);
    }

    @Override
    public void log(String where, Level level, String message, Throwable error) {
        Logger logger = LoggerFactory.getLogger(where);
        int value = level.intValue();
        if (value >= Level.SEVERE.intValue()) {
            logger.error(message, error);
        } else if (value >= Level.WARNING.intValue() && !CSS_PARSE.equals(where)) {
            logger.warn(message, error);
        } else if (value >= Level.FINE.intValue()) {
            logger.debug(message, error);
        } else {
            logger.trace(message, error);
        }
    }

    @Override
    public void setLevel(String where, Level level) {
        // levels are the application's logging configuration's to set
    }

    @Override
    public boolean isLogLevelEnabled(Diagnostic diagnostic) {
        Logger logger = LoggerFactory.getLogger(diagnostic.getLogMessageId().getWhere());
        int value = diagnostic.getLevel().intValue();
        return value >= Level.WARNING.intValue() ? logger.isWarnEnabled() || logger.isDebugEnabled()
                : logger.isDebugEnabled();
    }
}
