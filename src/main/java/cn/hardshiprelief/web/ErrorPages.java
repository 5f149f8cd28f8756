package cn.hardshiprelief.web;

import cn.hardshiprelief.shared.BusinessException;
import cn.hardshiprelief.shared.ConflictException;
import cn.hardshiprelief.shared.ForbiddenException;
import cn.hardshiprelief.shared.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.InvalidPropertyException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Pages for what went wrong: a missing record is a 404 page, a forbidden one a 403 page, a
 * refused rule says why; never a stack trace. (The JSON API has its own advice.)
 */
@ControllerAdvice(annotations = Controller.class)
public class ErrorPages {

    private final MessageSource messages;

    public ErrorPages(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(NotFoundException.class)
    public String notFound(NotFoundException e, Model model, HttpServletResponse response) {
        return page(HttpStatus.NOT_FOUND, e.getMessageKey(), e.getArgs(), model, response);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    public String noSuchPage(Exception e, Model model, HttpServletResponse response) {
        return page(HttpStatus.NOT_FOUND, "error.notFound", new Object[0], model, response);
    }

    /** A path that names no record ({@code /aid/abc}) is not found; a parameter of the wrong type is a bad request. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public String wrongType(MethodArgumentTypeMismatchException e, Model model, HttpServletResponse response) {
        if (e.getParameter().hasParameterAnnotation(PathVariable.class)) {
            return page(HttpStatus.NOT_FOUND, "error.notFound", new Object[0], model, response);
        }
        return page(HttpStatus.BAD_REQUEST, "error.badValue", new Object[0], model, response);
    }

    /** A row number no page of ours sends: negative, not a number, or beyond {@link FormBinding#MAX_ROWS}. */
    @ExceptionHandler(InvalidPropertyException.class)
    public String badRow(InvalidPropertyException e, Model model, HttpServletResponse response) {
        return page(HttpStatus.BAD_REQUEST, "error.badRowIndex", new Object[]{FormBinding.MAX_ROWS}, model, response);
    }

    @ExceptionHandler(ForbiddenException.class)
    public String forbidden(ForbiddenException e, Model model, HttpServletResponse response) {
        return page(HttpStatus.FORBIDDEN, e.getMessageKey(), e.getArgs(), model, response);
    }

    @ExceptionHandler(ConflictException.class)
    public String conflict(ConflictException e, Model model, HttpServletResponse response) {
        return page(HttpStatus.CONFLICT, e.getMessageKey(), e.getArgs(), model, response);
    }

    /**
     * Two people saving the same record at the same moment (a draft deleted while it is submitted, a lock
     * waited for too long): the later one is told to look again, nothing half-saved remains.
     */
    @ExceptionHandler(org.springframework.dao.ConcurrencyFailureException.class)
    public String concurrentChange(Exception e, Model model, HttpServletResponse response) {
        return page(HttpStatus.CONFLICT, "error.concurrentChange", new Object[0], model, response);
    }

    @ExceptionHandler(BusinessException.class)
    public String refused(BusinessException e, Model model, HttpServletResponse response) {
        return page(HttpStatus.BAD_REQUEST, e.getMessageKey(), e.getArgs(), model, response);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    public String badRequest(Exception e, Model model, HttpServletResponse response) {
        return page(HttpStatus.BAD_REQUEST, "error.badRequest", new Object[0], model, response);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    public String tooLarge(Exception e, Model model, HttpServletResponse response) {
        return page(HttpStatus.PAYLOAD_TOO_LARGE, "upload.requestTooLarge", new Object[0], model, response);
    }

    private String page(HttpStatus status, String key, Object[] args, Model model, HttpServletResponse response) {
        return render(messages, status, key, args, model, response);
    }

    static String render(MessageSource messages, HttpStatus status, String key, Object[] args, Model model,
                         HttpServletResponse response) {
        response.setStatus(status.value());
        model.addAttribute("status", status.value());
        model.addAttribute("message", messages.getMessage(key, args, key, LocaleContextHolder.getLocale()));
        return "error/problem";
    }

    /** The access-denied page of Spring Security and the container's error pages. */
    @Controller
    static class ErrorStatusPages {

        private final MessageSource messages;

        ErrorStatusPages(MessageSource messages) {
            this.messages = messages;
        }

        /** Any method: Spring Security forwards a refused POST (such as a form without its CSRF token) here as it came. */
        @RequestMapping("/error/{code}")
        public String byCode(@PathVariable int code, Model model, HttpServletResponse response) {
            HttpStatus status = HttpStatus.resolve(code);
            if (status == null || !status.isError()) {
                status = HttpStatus.NOT_FOUND; // no such error page
            }
            return render(messages, status, ProblemViews.keyOf(status), new Object[0], model, response);
        }
    }
}
