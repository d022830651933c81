package org.infraadvisor.limits;

import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Who is asking, as far as abuse limits are concerned. Behind {@code n} trusted proxies
 * ({@code advisor.rate-limit.trusted-proxies}) each proxy appends the address it saw to {@code X-Forwarded-For}, so
 * the client is the {@code n}-th entry from the right: everything left of it was written by the client itself and
 * can say anything. Exemptions apply to the socket peer of a direct request only, never to a forwarded address.
 */
@Singleton
public class ClientResolver {

    static final String FORWARDED_FOR = "X-Forwarded-For";

    /** Dotted-quad IPv4 or anything with a colon (a host name never has one): literals that resolve without a lookup. */
    private static final Pattern IP_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    private static final Pattern IPV4_WITH_PORT = Pattern.compile("(\\d{1,3}(?:\\.\\d{1,3}){3}):\\d{1,5}");
    private static final Pattern BRACKETED_WITH_PORT = Pattern.compile("\\[([^]]*)](?::\\d{1,5})?");

    /** The client as the limits see it: an address in canonical text form, and whether it is the socket peer itself. */
    public record Client(String address, boolean direct) {
    }

    private final int trustedProxies;
    private final Set<String> exempt;

    public ClientResolver(RateLimitConfig config) {
        this.trustedProxies = config.trustedHops();
        this.exempt = config.exempt().stream().map(String::trim).filter(s -> !s.isEmpty())
                .map(ClientResolver::canonical).collect(Collectors.toUnmodifiableSet());
    }

    /** The socket peer, or with trusted proxies the entry of {@code X-Forwarded-For} that the outermost trusted proxy wrote. */
    public Client clientOf(HttpRequest<?> request) {
        String peer = peerOf(request);
        if (trustedProxies > 0) {
            List<String> hops = forwardedFor(request);
            if (!hops.isEmpty()) {
                // hops written by the trusted proxies, rightmost first; with fewer hops than proxies, the farthest one there is
                String client = hops.get(Math.max(0, hops.size() - trustedProxies));
                return new Client(canonical(client), false);
            }
        }
        return new Client(peer, true);
    }

    /** Only a direct request from an exempt address is exempt: what a client writes in a header never is. */
    public boolean isExempt(Client client) {
        return client.direct() && exempt.contains(client.address());
    }

    private static String peerOf(HttpRequest<?> request) {
        InetSocketAddress remote = request.getRemoteAddress();
        InetAddress address = remote.getAddress();
        return address == null ? canonical(remote.getHostString()) : canonical(address.getHostAddress());
    }

    /** Every {@code X-Forwarded-For} entry in order, over all header lines (several lines are one comma-separated list). */
    private static List<String> forwardedFor(HttpRequest<?> request) {
        List<String> hops = new ArrayList<>();
        for (String line : request.getHeaders().getAll(FORWARDED_FOR)) {
            for (String hop : line.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.trim());
                }
            }
        }
        return hops;
    }

    /**
     * IP literals in one spelling ({@code ::1} and {@code 0:0:0:0:0:0:0:1} are the same client, {@code ::ffff:10.0.0.1}
     * is {@code 10.0.0.1}), without a port; anything else as given, bounded.
     */
    static String canonical(String address) {
        String bare = address.trim();
        var bracketed = BRACKETED_WITH_PORT.matcher(bare);
        var withPort = IPV4_WITH_PORT.matcher(bare);
        if (bracketed.matches()) {
            bare = bracketed.group(1);
        } else if (withPort.matches()) {
            bare = withPort.group(1);
        }
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
