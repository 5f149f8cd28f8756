package cn.hardshiprelief.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.fileupload.impl.FileCountLimitExceededException;
import org.apache.tomcat.util.http.fileupload.impl.SizeException;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Locale;

/**
 * Refuses a multipart request the container could not parse (more parts than
 * {@code server.tomcat.max-part-count}, a file over {@code spring.servlet.multipart.max-file-size},
 * a body over {@code max-request-size}, a malformed body) with our error page and a message that
 * says which, before anything reads its parameters.
 * <p>
 * Without it the first reader is Spring Security's CSRF check: the container hides the failure,
 * the token seems missing, and the user gets a bare 403 or 405 with everything typed lost. Runs
 * after the character-encoding filter (so parts are decoded as UTF-8) and before security.
 */
@Component
@Order(SecurityProperties.DEFAULT_FILTER_ORDER - 10)
public class MultipartLimits extends OncePerRequestFilter {

    /** Request attribute read by {@link ProblemViews}: the message key of the refusal. */
    public static final String REFUSAL = MultipartLimits.class.getName() + ".refusal";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            request.getParts();
        } catch (IllegalStateException | ServletException | IOException e) {
            refuse(e, request, response);
            return;
        }
        chain.doFilter(request, response);
    }

    private static void refuse(Exception failure, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof FileCountLimitExceededException) {
                request.setAttribute(REFUSAL, "error.tooManyParts");
                response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
                return;
            }
            if (cause instanceof SizeException) {
                request.setAttribute(REFUSAL, "error.uploadTooLarge");
                response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
                return;
            }
        }
        request.setAttribute(REFUSAL, "error.malformedForm");
        response.sendError(HttpServletResponse.SC_BAD_REQUEST);
    }
}
