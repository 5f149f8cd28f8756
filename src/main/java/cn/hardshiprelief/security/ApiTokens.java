package cn.hardshiprelief.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Access tokens for integrations: the password is checked once (BCrypt, when the token is issued), then each
 * request is one indexed lookup of the token's SHA-256. 256 random bits: a hash without salt is enough, as
 * for any secret too long to guess.
 */
@Service
@Transactional
public class ApiTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiTokenRepository tokens;
    private final Duration lifetime;
    private final Clock clock;

    public ApiTokens(ApiTokenRepository tokens, @Value("${hardship.api.token-lifetime:PT8H}") Duration lifetime,
                     Clock clock) {
        this.tokens = tokens;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** A token issued to someone who has just proved their password. */
    public record Issued(String token, Instant expiresAt) {
    }

    public Issued issue(String username) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        ApiToken saved = tokens.save(new ApiToken(hash(token), username, now, now.plus(lifetime)));
        return new Issued(token, saved.getExpiresAt());
    }

    /** Whose token this is, while it is valid. */
    @Transactional(readOnly = true)
    public Optional<String> holder(String token) {
        return tokens.findByTokenHash(hash(token)).filter(t -> t.validAt(clock.instant())).map(ApiToken::getUsername);
    }

    /** Ends the token at once (logout of an integration). */
    public void revoke(String token) {
        tokens.findByTokenHash(hash(token)).ifPresent(t -> t.revoke(clock.instant()));
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
