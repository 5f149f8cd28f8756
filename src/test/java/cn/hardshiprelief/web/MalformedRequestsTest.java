package cn.hardshiprelief.web;

import cn.hardshiprelief.security.AppUserDetailsService;
import cn.hardshiprelief.support.AppTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.beans.PropertyDescriptor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Malformed requests generated from the application's own request mappings, not picked by hand:
 * every page and API operation of ours, each with path variables that name the first record of a
 * kind (where the demo data has one), nothing, or are of the wrong type, and each of its parameters, form fields and bodies set to values no page sends
 * (empty, of the wrong type, absurdly large or long, a NUL byte, a row number out of range, broken
 * JSON). None may fail with a 500: each is refused with a status below 500 and a message (our
 * page, a problem detail, or the error page the container renders for the status).
 * <p>
 * Its own context (engine name) so that nothing it might write reaches the other tests' database.
 */
@AppTest
@TestPropertySource(properties = "camunda.bpm.process-engine-name=robustness")
class MalformedRequestsTest {

    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");
    private static final List<String> PATH_VALUES = List.of("1", "999999999", "abc", "-1");
    private static final List<String> USERS = List.of("admin", "union1", "county1", "branch1", "worker1");

    /** Values no page of ours sends, each put into every field of a request at once. */
    private static final Map<String, String> VALUES = new TreeMap<>(Map.of(
            "empty", "",
            "word", "abc",
            "huge number", "99999999999999999999999",
            "negative", "-999999999",
            "NUL byte", "张\u0000三",
            "5,000 characters", "长".repeat(5000),
            "date of nowhere", "2026-13-45"));

    private static final List<String> JSON_BODIES = List.of("{", "{}", "[]", "null", "{\"members\":[null]}",
            "{\"decision\":\"maybe\",\"comment\":\"" + "长".repeat(5000) + "\"}", "\"" + "\u0000" + "\"");

    @Autowired
    MockMvc mvc;
    @Autowired
    AppUserDetailsService users;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private record Attempt(String description, MockHttpServletRequestBuilder request, boolean api) {
    }

    @Test
    void noMalformedRequestToAnyOfOurEndpointsFailsWithA500() throws Exception {
        List<Attempt> attempts = attempts();
        assertThat(attempts).as("requests generated").hasSizeGreaterThanOrEqualTo(300);

        Map<Integer, Integer> byStatus = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (Attempt attempt : attempts) {
            try {
                MockHttpServletResponse response = mvc.perform(attempt.request()).andReturn().getResponse();
                byStatus.merge(response.getStatus(), 1, Integer::sum);
                if (response.getStatus() >= 500) {
                    failures.add(response.getStatus() + " " + attempt.description());
                } else if (response.getStatus() >= 400 && !saysWhy(response, attempt.api())) {
                    String body = response.getContentAsString(StandardCharsets.UTF_8);
                    int main = Math.max(0, body.indexOf("<main"));
                    failures.add(response.getStatus() + " without a message: " + attempt.description() + " → "
                            + body.substring(main, Math.min(body.length(), main + 600)).replaceAll("\\s+", " "));
                }
            } catch (Exception e) {
                byStatus.merge(500, 1, Integer::sum);
                Throwable cause = e;
                while (cause.getCause() != null) {
                    cause = cause.getCause();
                }
                failures.add("500 " + attempt.description() + " → " + cause);
            }
        }
        String summary = "Malformed requests: " + attempts.size() + ", answers by status: " + byStatus;
        System.out.println(summary);
        Files.writeString(Path.of("target", "malformed-requests-report.txt"),
                summary + "\n" + String.join("\n", failures) + "\n", StandardCharsets.UTF_8);
        assertThat(failures).as("requests answered with a 500 or without a message").isEmpty();
    }

    /** A refusal carries a message: our page or a problem detail, or the status the container's error page renders. */
    private static boolean saysWhy(MockHttpServletResponse response, boolean api) throws Exception {
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        if (response.getErrorMessage() != null || response.getForwardedUrl() != null) {
            return true; // sendError or a forward to /error/…: rendered by ProblemViews / ErrorPages
        }
        if (api) {
            return body.contains("\"detail\"") || response.getStatus() == 401;
        }
        return body.contains("class=\"problem\"") || body.contains("class=\"flash error\"")
                || body.contains("class=\"error\"") || response.getRedirectedUrl() != null;
    }

    private List<Attempt> attempts() {
        List<Attempt> attempts = new ArrayList<>();
        int n = 0;
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
            HandlerMethod handler = entry.getValue();
            if (!handler.getBeanType().getPackageName().startsWith("cn.hardshiprelief")) {
                continue;
            }
            RequestMappingInfo info = entry.getKey();
            Set<HttpMethod> methods = new LinkedHashSet<>();
            info.getMethodsCondition().getMethods().forEach(m -> methods.add(HttpMethod.valueOf(m.name())));
            if (methods.isEmpty()) {
                methods.add(HttpMethod.GET);
            }
            for (String pattern : info.getPatternValues()) {
                boolean api = pattern.startsWith("/api/");
                for (HttpMethod method : methods) {
                    for (String url : urls(pattern)) {
                        for (Map.Entry<String, String> value : VALUES.entrySet()) {
                            attempts.add(attempt(method, url, handler, value.getKey(), value.getValue(), api, n++));
                        }
                        for (String field : indexedFields(handler)) {
                            attempts.add(new Attempt(method + " " + url + " " + field, as(request(method, url)
                                    .param(field, "1"), api, n++), api));
                        }
                        if (takesJson(handler)) {
                            for (String body : JSON_BODIES) {
                                attempts.add(new Attempt(method + " " + url + " body " + abbreviate(body), as(request(method, url)
                                        .contentType(MediaType.APPLICATION_JSON).content(body), api, n++), api));
                            }
                        }
                    }
                }
            }
        }
        return attempts;
    }

    private Attempt attempt(HttpMethod method, String url, HandlerMethod handler, String valueName, String value,
                            boolean api, int n) {
        MockHttpServletRequestBuilder request;
        if (takesParts(handler) && method == HttpMethod.POST) {
            MockMultipartHttpServletRequestBuilder multipart = multipart(url);
            for (MethodParameter p : handler.getMethodParameters()) {
                RequestPart part = p.getParameterAnnotation(RequestPart.class);
                if (part != null) {
                    String name = part.name().isEmpty() ? part.value().isEmpty() ? p.getParameterName() : part.value() : part.name();
                    multipart.file(new MockMultipartFile(name == null ? "file" : name, "x.pdf",
                            MediaType.APPLICATION_JSON_VALUE, value.getBytes(StandardCharsets.UTF_8)));
                }
            }
            request = multipart;
        } else {
            request = request(method, url);
        }
        for (String field : fields(handler)) {
            request.param(field, value);
        }
        return new Attempt(method + " " + url + " with every field " + valueName, as(request, api, n), api);
    }

    private MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, boolean api, int n) {
        String username = USERS.get(n % USERS.size());
        if (api) {
            return request.with(httpBasic(username, "demo123"));
        }
        return request.with(user(users.loadUserByUsername(username))).with(csrf());
    }

    /** Every concrete URL of a pattern: each path variable set to something that names nothing or has the wrong type. */
    private static List<String> urls(String pattern) {
        if (!PATH_VARIABLE.matcher(pattern).find()) {
            return List.of(pattern);
        }
        List<String> urls = new ArrayList<>();
        for (String value : PATH_VALUES) {
            Matcher m = PATH_VARIABLE.matcher(pattern);
            StringBuilder url = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(url, value);
            }
            m.appendTail(url);
            urls.add(url.toString());
        }
        return urls;
    }

    /** Names of the request parameters and form fields a handler binds (one level into form objects). */
    private static Set<String> fields(HandlerMethod handler) {
        Set<String> fields = new LinkedHashSet<>();
        for (MethodParameter p : handler.getMethodParameters()) {
            RequestParam param = p.getParameterAnnotation(RequestParam.class);
            if (param != null) {
                String name = !param.name().isEmpty() ? param.name() : !param.value().isEmpty() ? param.value() : p.getParameterName();
                if (name != null) {
                    fields.add(name);
                }
            } else if (isForm(p)) {
                for (PropertyDescriptor d : BeanUtils.getPropertyDescriptors(p.getParameterType())) {
                    if (d.getWriteMethod() != null || p.getParameterType().isRecord()) {
                        if (!d.getName().equals("class")) {
                            fields.add(d.getName());
                        }
                    }
                }
                if (p.getParameterType().isRecord()) {
                    for (var c : p.getParameterType().getRecordComponents()) {
                        fields.add(c.getName());
                    }
                }
            }
        }
        return fields;
    }

    /** Row fields of the lists in a handler's form objects, with row numbers no page sends. */
    private static List<String> indexedFields(HandlerMethod handler) {
        List<String> fields = new ArrayList<>();
        for (MethodParameter p : handler.getMethodParameters()) {
            if (!isForm(p)) {
                continue;
            }
            for (PropertyDescriptor d : BeanUtils.getPropertyDescriptors(p.getParameterType())) {
                if (d.getWriteMethod() != null && List.class.isAssignableFrom(d.getPropertyType())) {
                    for (String index : List.of("100000", "-1", "x", "2147483648", "64")) {
                        fields.add(d.getName() + "[" + index + "].name");
                        fields.add(d.getName() + "[" + index + "].month");
                    }
                }
            }
        }
        return fields;
    }

    private static boolean isForm(MethodParameter p) {
        if (p.hasParameterAnnotation(ModelAttribute.class)) {
            return true;
        }
        Class<?> type = p.getParameterType();
        return p.getParameterAnnotations().length == 0 && !BeanUtils.isSimpleProperty(type)
                && type.getPackageName().startsWith("cn.hardshiprelief") && !type.getSimpleName().equals("Actor")
                && !Collection.class.isAssignableFrom(type);
    }

    private static boolean takesJson(HandlerMethod handler) {
        for (MethodParameter p : handler.getMethodParameters()) {
            if (p.hasParameterAnnotation(RequestBody.class)) {
                return true;
            }
        }
        return false;
    }

    private static boolean takesParts(HandlerMethod handler) {
        for (MethodParameter p : handler.getMethodParameters()) {
            if (p.hasParameterAnnotation(RequestPart.class)
                    || org.springframework.web.multipart.MultipartFile.class.isAssignableFrom(p.getParameterType())) {
                return true;
            }
        }
        return false;
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
