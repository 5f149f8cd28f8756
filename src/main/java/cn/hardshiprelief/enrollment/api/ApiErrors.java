package cn.hardshiprelief.enrollment.api;

import cn.hardshiprelief.enrollment.AlreadySubmittedException;
import cn.hardshiprelief.enrollment.IncompleteApplicationException;
import cn.hardshiprelief.task.InvalidFormException;
import cn.hardshiprelief.shared.BusinessException;
import cn.hardshiprelief.shared.ConflictException;
import cn.hardshiprelief.shared.ForbiddenException;
import cn.hardshiprelief.shared.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

import java.util.LinkedHashMap;
import java.util.Map;

/** API failures as RFC 9457 problem details, with the reason in the caller's language and per-field errors. */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiErrors {

    private final MessageSource messages;

    public ApiErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(BindException.class)
    public ProblemDetail invalid(BindException e) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (FieldError error : e.getFieldErrors()) {
            fields.putIfAbsent(error.getField(), messages.getMessage(error, LocaleContextHolder.getLocale()));
        }
        e.getGlobalErrors().forEach(g -> fields.putIfAbsent(g.getObjectName(),
                messages.getMessage(g, LocaleContextHolder.getLocale())));
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "form.hasErrors", new Object[0]);
        problem.setProperty("errors", fields);
        return problem;
    }

    @ExceptionHandler(InvalidFormException.class)
    public ProblemDetail invalidDecision(InvalidFormException e) {
        Map<String, String> fields = new LinkedHashMap<>();
        e.getProblems().forEach((field, key) -> fields.put(field, text(key, new Object[0])));
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, e.getMessageKey(), e.getArgs());
        problem.setProperty("errors", fields);
        return problem;
    }

    @ExceptionHandler(IncompleteApplicationException.class)
    public ProblemDetail incomplete(IncompleteApplicationException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, e.getMessageKey(), e.getArgs());
        problem.setProperty("missing", e.getMissing().stream().map(k -> text(k, new Object[0])).toList());
        return problem;
    }

    @ExceptionHandler(AlreadySubmittedException.class)
    public ProblemDetail alreadySubmitted(AlreadySubmittedException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, e.getMessageKey(), e.getArgs());
        problem.setProperty("applicationId", e.getApplicationId());
        return problem;
    }

    @ExceptionHandler(NotFoundException.class)
    public ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, e.getMessageKey(), e.getArgs());
    }

    @ExceptionHandler(ForbiddenException.class)
    public ProblemDetail forbidden(ForbiddenException e) {
        return problem(HttpStatus.FORBIDDEN, e.getMessageKey(), e.getArgs());
    }

    @ExceptionHandler(ConflictException.class)
    public ProblemDetail conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, e.getMessageKey(), e.getArgs());
    }

    @ExceptionHandler(BusinessException.class)
    public ProblemDetail refused(BusinessException e) {
        return problem(HttpStatus.BAD_REQUEST, e.getMessageKey(), e.getArgs());
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class})
    public ProblemDetail unreadable(Exception e) {
        return problem(HttpStatus.BAD_REQUEST, "error.badRequest", new Object[0]);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    public ProblemDetail tooLarge(MaxUploadSizeExceededException e) {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, "upload.requestTooLarge", new Object[0]);
    }

    private ProblemDetail problem(HttpStatus status, String key, Object[] args) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, text(key, args));
        problem.setProperty("code", key);
        return problem;
    }

    private String text(String key, Object[] args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
