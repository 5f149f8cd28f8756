package cn.hardshiprelief.web;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.ModelAndView;

import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The error view of the statuses that bypass our controllers: our page, its status, a message in the user's language. */
class ProblemViewsTest {

    private final ProblemViews views = new ProblemViews(messages());

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages/messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void anUnexpectedFailureIsOurPageWithAnApologyInChinese() {
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        ModelAndView page = views.resolveErrorView(new MockHttpServletRequest(), HttpStatus.INTERNAL_SERVER_ERROR, Map.of());

        assertThat(page.getViewName()).isEqualTo("error/problem");
        assertThat(page.getStatus()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(page.getModel()).containsEntry("status", 500).containsEntry("message", "系统出现意外错误，请稍后再试");
    }

    @Test
    void aRefusedUploadSaysWhyInEnglishOnRequest() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setAttribute(MultipartLimits.REFUSAL, "error.tooManyParts");

        ModelAndView page = views.resolveErrorView(request, HttpStatus.PAYLOAD_TOO_LARGE, Map.of());

        assertThat(page.getModel()).containsEntry("status", 413)
                .containsEntry("message", "The form has too many fields or files; upload fewer files at a time and try again");
    }

    @Test
    void everyClientAndServerErrorHasItsOwnMessage() {
        assertThat(ProblemViews.keyOf(HttpStatus.BAD_REQUEST)).isEqualTo("error.badRequest");
        assertThat(ProblemViews.keyOf(HttpStatus.NOT_FOUND)).isEqualTo("error.notFound");
        assertThat(ProblemViews.keyOf(HttpStatus.METHOD_NOT_ALLOWED)).isEqualTo("error.methodNotAllowed");
        assertThat(ProblemViews.keyOf(HttpStatus.PAYLOAD_TOO_LARGE)).isEqualTo("error.uploadTooLarge");
        assertThat(ProblemViews.keyOf(HttpStatus.SERVICE_UNAVAILABLE)).isEqualTo("error.unexpected");
    }
}
