package org.newsroom.gateway.limits;

import java.util.concurrent.atomic.AtomicLong;

import org.newsroom.gateway.config.GatewaySettings;
import org.newsroom.gateway.problem.Problem;
import org.newsroom.gateway.problem.ProblemException;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses bodies over the limit with 413: at once when {@code Content-Length} says so, and while
 * streaming when a chunked body grows past it. The body is never buffered here.
 */
@Component
public class BodySizeLimitFilter implements WebFilter, Ordered {

    private final long maxBytes;

    public BodySizeLimitFilter(GatewaySettings settings) {
        this.maxBytes = settings.getMaxRequestBody().toBytes();
    }

    @Override
    public int getOrder() {
        return RateLimitFilter.ORDER + 1;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        long declared = request.getHeaders().getContentLength();
        if (declared > maxBytes) {
            return Mono.error(tooLarge());
        }
        if (declared >= 0) {
            return chain.filter(exchange);
        }
        ServerHttpRequest counted = new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                AtomicLong seen = new AtomicLong();
                return super.getBody().map(buffer -> {
                    if (seen.addAndGet(buffer.readableByteCount()) > maxBytes) {
                        DataBufferUtils.release(buffer);
                        throw tooLarge();
                    }
                    return buffer;
                });
            }
        };
        return chain.filter(exchange.mutate().request(counted).build());
    }

    private ProblemException tooLarge() {
        return new ProblemException(Problem.of(HttpStatus.CONTENT_TOO_LARGE,
                "The request body is larger than the " + maxBytes + " bytes the gateway accepts."));
    }
}
