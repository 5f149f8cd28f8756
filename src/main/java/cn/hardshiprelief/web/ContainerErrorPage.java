package cn.hardshiprelief.web;

import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * The answer to a request the container refuses before the application sees it (a malformed
 * URL such as {@code /%zz}): a small page in our style, in Chinese and English since no language
 * is known yet, instead of Tomcat's report naming its version. Everything that reaches the
 * application gets {@code error/problem} through {@link ProblemViews}. The host keeps one report
 * valve, found by its class name: ours replaces the one Tomcat or Spring Boot would add.
 */
@Component
class ContainerErrorPage implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private final ObjectProvider<MessageSource> messages;

    ContainerErrorPage(ObjectProvider<MessageSource> messages) {
        this.messages = messages;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(Report.class.getName());
            }
            Pipeline host = context.getParent().getPipeline();
            for (Valve valve : host.getValves()) {
                if (valve instanceof ErrorReportValve) {
                    host.removeValve(valve);
                }
            }
            host.addValve(new Report(messages));
        });
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    static final class Report extends ErrorReportValve {

        private final ObjectProvider<MessageSource> messages;

        Report(ObjectProvider<MessageSource> messages) {
            this.messages = messages;
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int code = response.getStatus();
            if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            HttpStatus status = HttpStatus.resolve(code) == null ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.valueOf(code);
            String key = ProblemViews.keyOf(status);
            try {
                response.setContentType("text/html");
                response.setCharacterEncoding("UTF-8");
                PrintWriter page = response.getReporter();
                if (page == null) {
                    return;
                }
                page.write("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                        + "<title>" + text("error.title", Locale.SIMPLIFIED_CHINESE) + "</title>"
                        + "<link rel=\"stylesheet\" href=\"/css/app.css\"></head><body><main class=\"container\">"
                        + "<section class=\"card narrow\"><h1>" + code + " · "
                        + text("error.title", Locale.SIMPLIFIED_CHINESE) + "</h1>"
                        + "<p class=\"problem\">" + text(key, Locale.SIMPLIFIED_CHINESE) + "</p>"
                        + "<p class=\"problem\" lang=\"en\">" + text(key, Locale.ENGLISH) + "</p>"
                        + "<p><a href=\"/\">" + text("error.backHome", Locale.SIMPLIFIED_CHINESE) + " · "
                        + text("error.backHome", Locale.ENGLISH) + "</a></p></section></main></body></html>");
            } catch (IOException | IllegalStateException e) {
                // the connection is gone or the answer already started: nothing more to tell
            }
        }

        private String text(String key, Locale locale) {
            MessageSource source = messages.getIfAvailable();
            return HtmlUtils.htmlEscape(source == null ? key : source.getMessage(key, null, key, locale));
        }
    }
}
