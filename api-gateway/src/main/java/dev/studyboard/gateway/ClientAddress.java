package dev.studyboard.gateway;

import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.netty.util.NetUtil;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The address a request came from, for callers without a token: the connection's address, or, when that
 * connection comes from a trusted proxy ({@code studyboard.gateway.trusted-proxies}, CIDR), the address the proxies
 * say they forwarded it for ({@code X-Forwarded-For}). Anyone can write that header, so it counts only as far as
 * trusted proxies wrote it: read from the right, the first address that is not a trusted proxy is the client.
 *
 * <p>Spring Cloud Gateway's {@code XForwardedRemoteAddressResolver} picks a fixed position from the right whoever
 * connected; this checks who connected first, so a client that reaches the gateway directly cannot choose its
 * address.
 */
@Component
class ClientAddress {

    static final String X_FORWARDED_FOR = "X-Forwarded-For";

    private final List<IpSubnetFilterRule> trustedProxies;

    ClientAddress(@Value("${studyboard.gateway.trusted-proxies:}") List<String> trustedProxies) {
        this.trustedProxies = trustedProxies.stream()
                .map(String::trim)
                .filter(cidr -> !cidr.isEmpty())
                .map(cidr -> new IpSubnetFilterRule(
                        cidr.contains("/") ? cidr : cidr + "/" + fullPrefix(cidr), IpFilterRuleType.ACCEPT))
                .toList();
    }

    /** The client's address as text; {@code "unknown"} if the server does not know the connection's. */
    String of(ServerWebExchange exchange) {
        var connection = exchange.getRequest().getRemoteAddress();
        if (connection == null || connection.getAddress() == null) {
            return "unknown";
        }
        var client = connection.getAddress().getHostAddress();
        if (!isTrustedProxy(client)) {
            return client;
        }
        var forwardedFor = forwardedFor(exchange);
        for (int hop = forwardedFor.size() - 1; hop >= 0; hop--) {
            client = forwardedFor.get(hop);
            if (!isTrustedProxy(client)) {
                return client;
            }
        }
        return client; // every hop a trusted proxy: the first of them
    }

    private boolean isTrustedProxy(String address) {
        return literal(address)
                .map(ip -> trustedProxies.stream().anyMatch(rule -> rule.matches(ip)))
                .orElse(false);
    }

    /** Only IP literals: a name in the header must never make the gateway ask DNS. */
    private static Optional<InetSocketAddress> literal(String address) {
        return Optional.ofNullable(NetUtil.createInetAddressFromIpAddressString(address))
                .map(ip -> new InetSocketAddress(ip, 0));
    }

    private static List<String> forwardedFor(ServerWebExchange exchange) {
        var hops = new ArrayList<String>();
        for (var header : exchange.getRequest().getHeaders().getOrEmpty(X_FORWARDED_FOR)) {
            for (var hop : header.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.trim());
                }
            }
        }
        return hops;
    }

    private static int fullPrefix(String address) {
        return address.contains(":") ? 128 : 32;
    }
}
