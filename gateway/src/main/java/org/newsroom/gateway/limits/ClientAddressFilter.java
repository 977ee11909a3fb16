package org.newsroom.gateway.limits;

import org.newsroom.gateway.config.GatewaySettings;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Works out the client address once per request and tells the services that address, and only it,
 * as {@code X-Forwarded-For}: a client cannot make the services see an address of its choosing
 * unless it is one of the trusted proxies, and the services (which only the gateway can reach) need
 * no list of proxies of their own to count sign-in attempts per client.
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
        return chain.filter(exchange);
    }

    /**
     * Runs after the gateway's own filter that strips every {@code X-Forwarded-*} header a client
     * sent (order 0), and puts back the client address the gateway believes.
     */
    @Bean
    static HttpHeadersFilter believedForwardedFor() {
        return new ForwardedForHeader();
    }

    static final class ForwardedForHeader implements HttpHeadersFilter, Ordered {

        @Override
        public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
            String forwardedFor = exchange.getAttribute(ATTRIBUTE);
            // The filters before this one hand on a copy of the request's headers of their own, so it is
            // edited in place; only a read-only one is copied.
            HttpHeaders headers = input;
            try {
                headers.remove("Forwarded");
            } catch (UnsupportedOperationException readOnly) {
                headers = new HttpHeaders();
                headers.putAll(input);
                headers.remove("Forwarded");
            }
            if (forwardedFor != null) {
                headers.set("X-Forwarded-For", forwardedFor);
            } else {
                headers.remove("X-Forwarded-For");
            }
            return headers;
        }

        @Override
        public int getOrder() {
            return 1;
        }
    }
}
