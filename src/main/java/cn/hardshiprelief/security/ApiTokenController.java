package cn.hardshiprelief.security;

import cn.hardshiprelief.shared.BusinessException;
import cn.hardshiprelief.shared.ForbiddenException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

/**
 * How an integration authenticates once: {@code POST /api/tokens} with HTTP Basic returns a bearer token for
 * /api and /engine-rest; {@code DELETE /api/tokens/current} with that token ends it. A token cannot mint another:
 * a new one needs the password again.
 */
@RestController
@RequestMapping("/api/tokens")
class ApiTokenController {

    private final ApiTokens tokens;

    ApiTokenController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    record TokenResponse(String accessToken, String tokenType, Instant expiresAt) {
    }

    @PostMapping
    ResponseEntity<TokenResponse> issue(Authentication authentication, HttpServletRequest request) {
        if (!hasScheme(request, "Basic ")) {
            throw new ForbiddenException("apiToken.passwordRequired");
        }
        ApiTokens.Issued issued = tokens.issue(authentication.getName());
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new TokenResponse(issued.token(), "Bearer", issued.expiresAt()));
    }

    @DeleteMapping("/current")
    ResponseEntity<Void> revoke(HttpServletRequest request) {
        if (!hasScheme(request, "Bearer ")) {
            throw new BusinessException("apiToken.bearerRequired");
        }
        tokens.revoke(request.getHeader("Authorization").substring("Bearer ".length()).strip());
        return ResponseEntity.noContent().build();
    }

    private static boolean hasScheme(HttpServletRequest request, String scheme) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, scheme, 0, scheme.length());
    }
}
