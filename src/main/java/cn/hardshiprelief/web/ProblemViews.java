package cn.hardshiprelief.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

import java.util.Map;

/**
 * Our error page for every status that reaches the container's error path without passing through
 * our controllers: a method a page does not take (405), a refused upload (413), a malformed
 * request (400), an unknown path (404), an unexpected failure (500). Browsers get
 * {@code error/problem} in the user's language; API clients keep Spring Boot's JSON.
 */
@Component
class ProblemViews implements ErrorViewResolver {

    private final MessageSource messages;

    ProblemViews(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        Object refusal = request.getAttribute(MultipartLimits.REFUSAL);
        String key = refusal instanceof String k ? k : keyOf(status);
        ModelAndView page = new ModelAndView("error/problem", status);
        page.addObject("status", status.value());
        page.addObject("message", messages.getMessage(key, null, key, LocaleContextHolder.getLocale()));
        return page;
    }

    static String keyOf(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "error.badRequest";
            case UNAUTHORIZED, FORBIDDEN -> "error.forbidden";
            case NOT_FOUND -> "error.notFound";
            case METHOD_NOT_ALLOWED -> "error.methodNotAllowed";
            case PAYLOAD_TOO_LARGE -> "error.uploadTooLarge";
            case UNSUPPORTED_MEDIA_TYPE, NOT_ACCEPTABLE -> "error.badRequest";
            default -> "error.unexpected";
        };
    }
}
