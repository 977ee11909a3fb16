package org.newsroom.gateway.limits;

import org.newsroom.gateway.config.GatewaySettings;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Works out the client address once per request and tells the services the believed
 * {@code X-Forwarded-For} chain: a client cannot make the services see an address of its choosing
 * unless it is one of the trusted proxies.
 */
@Component
public class ClientAddressFilter implements WebFilter, Ordered {

    public static final String ATTRIBUTE = ClientAddressFilter.class.getName() + ".address";

    private final ClientAddresses addresses;

    public ClientAddressFilter(GatewaySettings settings) {
        this.addresses = new ClientAddresses(settings.getTrustedProxies());
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        exchange.getAttributes().put(ATTRIBUTE, addresses.clientOf(request));
        String forwardedFor = addresses.forwardedFor(request);
        ServerHttpRequest forwarded = request.mutate().headers(h -> {
            h.remove("X-Forwarded-For");
            h.remove("Forwarded");
            if (forwardedFor != null) {
                h.set("X-Forwarded-For", forwardedFor);
            }
        }).build();
        return chain.filter(exchange.mutate().request(forwarded).build());
    }
}
