package org.infraadvisor.admin;

import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * A configured secret that a request presents as {@code Authorization: Bearer <token>}. It must be long enough not to
 * be guessed ({@value #MIN_LENGTH} characters at least, checked at start-up), and it is compared in constant time.
 */
public final class BearerToken {

    public static final int MIN_LENGTH = 32;
    private static final String BEARER = "Bearer ";

    private final byte[] token;

    private BearerToken(String token) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    /** The token configured as {@code property} ({@code variable}), none when unset; a short one stops the start. */
    public static Optional<BearerToken> configured(String property, String variable, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String token = value.strip();
        if (token.length() < MIN_LENGTH) {
            throw new ConfigurationException(("%s (%s) is %d characters long; it must have at least %d so that it cannot be "
                    + "guessed. Generate one with: openssl rand -base64 32")
                    .formatted(property, variable, token.length(), MIN_LENGTH));
        }
        return Optional.of(new BearerToken(token));
    }

    /** Whether the request carries an {@code Authorization: Bearer …} header at all. */
    public static boolean presented(HttpRequest<?> request) {
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length());
    }

    /** Whether the request presents this token. */
    public boolean acceptedFrom(HttpRequest<?> request) {
        if (!presented(request)) {
            return false;
        }
        byte[] given = request.getHeaders().get(HttpHeaders.AUTHORIZATION).substring(BEARER.length()).strip()
                .getBytes(StandardCharsets.UTF_8);
        // constant-time: the time taken does not tell how much of the token was right
        return MessageDigest.isEqual(given, token);
    }
}
