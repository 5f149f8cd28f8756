package cn.hardshiprelief.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The engine's directory (users, groups, memberships, tenants, authorizations, password checks) on
 * {@code /engine-rest} and on the webapps' own API: administrators only. Tasklist may still read the logged-in
 * person's own profile and groups, which it shows in its header and uses for its filters.
 */
final class DirectoryRequests implements RequestMatcher {

    private static final Pattern DIRECTORY = Pattern.compile(
            "^(?:/engine-rest(?:/engine/[^/]+)?|/camunda/api/engine/engine/[^/]+)"
                    + "/(user|group|identity|tenant|authorization)(/.*)?$");
    private static final Pattern OWN_PROFILE = Pattern.compile("^/([^/]+)/profile$");

    @Override
    public boolean matches(HttpServletRequest request) {
        return DIRECTORY.matcher(path(request)).matches();
    }

    /** Administrators; or, on the webapps' API, a person reading their own profile or groups. */
    static AuthorizationManager<RequestAuthorizationContext> adminOrOwnEntry() {
        return (Supplier<Authentication> authentication, RequestAuthorizationContext context) -> {
            Authentication who = authentication.get();
            if (who == null || !who.isAuthenticated()) {
                return new AuthorizationDecision(false);
            }
            boolean admin = who.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                    .anyMatch("ROLE_ADMIN"::equals);
            return new AuthorizationDecision(admin || isOwnEntry(context.getRequest(), who.getName()));
        };
    }

    private static boolean isOwnEntry(HttpServletRequest request, String username) {
        String path = path(request);
        if (!"GET".equals(request.getMethod()) || !path.startsWith("/camunda/api/engine/")) {
            return false;
        }
        Matcher directory = DIRECTORY.matcher(path);
        if (!directory.matches() || directory.group(2) == null) {
            return false;
        }
        String rest = directory.group(2);
        if ("user".equals(directory.group(1))) {
            Matcher profile = OWN_PROFILE.matcher(rest);
            return profile.matches() && profile.group(1).equals(username);
        }
        return "identity".equals(directory.group(1)) && "/groups".equals(rest)
                && username.equals(request.getParameter("userId"));
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
