package org.infraadvisor.limits;

import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Who is asking, as far as abuse limits are concerned: an address in canonical text form. */
@Singleton
public class ClientResolver {

    /** Dotted-quad IPv4 or anything with a colon (a host name never has one): literals that resolve without a lookup. */
    private static final Pattern IP_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final boolean trustForwardedFor;
    private final Set<String> exempt;

    public ClientResolver(RateLimitConfig config) {
        this.trustForwardedFor = config.trustForwardedFor();
        this.exempt = config.exempt().stream().map(String::trim).filter(s -> !s.isEmpty())
                .map(ClientResolver::canonical).collect(Collectors.toUnmodifiableSet());
    }

    /** The remote address, or the first {@code X-Forwarded-For} hop when forwarded-for is trusted. */
    public String clientOf(HttpRequest<?> request) {
        if (trustForwardedFor) {
            String forwarded = request.getHeaders().get("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                return canonical(forwarded.split(",", 2)[0].trim());
            }
        }
        InetAddress remote = request.getRemoteAddress().getAddress();
        return remote == null ? request.getRemoteAddress().getHostString() : remote.getHostAddress();
    }

    public boolean isExempt(String client) {
        return exempt.contains(client);
    }

    /** IP literals in one spelling ({@code ::1} and {@code 0:0:0:0:0:0:0:1} are the same client); anything else as given, bounded. */
    static String canonical(String address) {
        String bare = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
        if (IP_LITERAL.matcher(bare).matches()) {
            try {
                // only literals reach this point, so no name lookup happens
                return InetAddress.getByName(bare).getHostAddress();
            } catch (UnknownHostException e) {
                // not a valid literal after all: fall through
            }
        }
        return bare.length() > 100 ? bare.substring(0, 100) : bare;
    }
}
