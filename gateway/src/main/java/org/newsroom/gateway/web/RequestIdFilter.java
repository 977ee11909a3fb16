package org.newsroom.gateway.web;

import java.util.UUID;
import java.util.regex.Pattern;

import io.micrometer.context.ContextRegistry;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is a sensible token,
 * otherwise a new one. The id goes to the service with the proxied request, comes back on the answer,
 * appears in problem answers and is in the {@code requestId} MDC entry of every log line written
 * while handling the request (Reactor carries it across threads through context propagation).
 */
@Component
public class RequestIdFilter implements WebFilter, Ordered {

    public static final String HEADER = "X-Request-Id";

    public static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".id";

    /** Key in the Reactor context and in the logging MDC. */
    public static final String CONTEXT_KEY = "requestId";

    // Ids travel into logs and other services: accept only short, plain tokens.
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    static {
        ContextRegistry.getInstance().registerThreadLocalAccessor(CONTEXT_KEY,
                () -> MDC.get(CONTEXT_KEY),
                value -> MDC.put(CONTEXT_KEY, value),
                () -> MDC.remove(CONTEXT_KEY));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String offered = exchange.getRequest().getHeaders().getFirst(HEADER);
        String id = offered != null && ACCEPTABLE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
        exchange.getAttributes().put(ATTRIBUTE, id);
        // Set just before the answer leaves, so an echo from the service does not double it.
        exchange.getResponse().beforeCommit(() -> {
            exchange.getResponse().getHeaders().set(HEADER, id);
            return Mono.empty();
        });
        return chain.filter(exchange).contextWrite(ctx -> ctx.put(CONTEXT_KEY, id));
    }

    /**
     * The id goes to the service on the proxied request's headers, which the gateway copies anyway,
     * rather than on a copy of the incoming request made for it alone.
     */
    @Bean
    static HttpHeadersFilter requestIdToService() {
        return new RequestIdHeader();
    }

    static final class RequestIdHeader implements HttpHeadersFilter, Ordered {

        @Override
        public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
            String id = exchange.getAttribute(ATTRIBUTE);
            if (id == null) {
                return input;
            }
            try {
                input.set(HEADER, id);
                return input;
            } catch (UnsupportedOperationException readOnly) {
                HttpHeaders headers = new HttpHeaders();
                headers.putAll(input);
                headers.set(HEADER, id);
                return headers;
            }
        }

        @Override
        public int getOrder() {
            return 2;
        }
    }
}
