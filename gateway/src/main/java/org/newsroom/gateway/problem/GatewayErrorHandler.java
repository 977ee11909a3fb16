package org.newsroom.gateway.problem;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.netty.channel.ConnectTimeoutException;
import org.newsroom.gateway.config.GatewaySettings;
import org.newsroom.gateway.routing.PublicRoutes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.newsroom.gateway.web.RequestIdFilter;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;
import reactor.netty.http.client.PrematureCloseException;

/**
 * Turns every failure that reaches the gateway's own error handling into a problem answer. A
 * service that cannot be reached is 503 (it is down or its breaker is open), one that does not
 * answer in time is 504, one that breaks the connection mid-answer is 502. Anything unforeseen is
 * 500 without internals in the body.
 */
@Component
@Order(-2)
public class GatewayErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewayErrorHandler.class);

    private final ProblemWriter writer;

    private final GatewaySettings settings;

    public GatewayErrorHandler(ProblemWriter writer, GatewaySettings settings) {
        this.writer = writer;
        this.settings = settings;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(failure);
        }
        HttpHeaders headers = new HttpHeaders();
        Problem problem = classify(exchange, failure, headers);
        String method = exchange.getRequest().getMethod().name();
        String path = exchange.getRequest().getPath().value();
        // Error handlers run outside the filter chain's Reactor context: set the id for this line.
        try (MDC.MDCCloseable id = MDC.putCloseable(RequestIdFilter.CONTEXT_KEY,
                exchange.getAttributeOrDefault(RequestIdFilter.ATTRIBUTE, ""))) {
            log(method, path, problem, failure);
        }
        return writer.write(exchange, problem, headers);
    }

    private static void log(String method, String path, Problem problem, Throwable failure) {
        if (problem.status().is5xxServerError()) {
            if (problem.status() == HttpStatus.INTERNAL_SERVER_ERROR) {
                log.error("{} {} failed", method, path, failure);
            }
            else {
                log.warn("{} {} -> {} {}: {}", method, path, problem.status().value(), problem.slug(),
                        failure.toString());
            }
        }
        else {
            log.debug("{} {} -> {}", method, path, problem.status().value());
        }
    }

    Problem classify(ServerWebExchange exchange, Throwable failure, HttpHeaders headers) {
        ProblemException known = cause(failure, ProblemException.class);
        if (known != null) {
            headers.addAll(known.headers());
            return known.problem();
        }
        String service = serviceName(exchange);
        if (causedBy(failure, CallNotPermittedException.class) || failure instanceof ServiceUnavailableException) {
            headers.set(HttpHeaders.RETRY_AFTER,
                    Long.toString(Math.max(1, settings.getCircuitBreaker().getWaitInOpenState().toSeconds())));
            return new Problem("service-unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Service Unavailable",
                    "The " + service + " is failing and is given time to recover; try again shortly.");
        }
        if (causedBy(failure, ConnectException.class) || causedBy(failure, ConnectTimeoutException.class)
                || causedBy(failure, UnknownHostException.class) || causedBy(failure, NoRouteToHostException.class)) {
            return new Problem("service-unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Service Unavailable",
                    "The " + service + " cannot be reached right now; try again shortly.");
        }
        if (causedBy(failure, TimeoutException.class)
                || causedBy(failure, org.springframework.cloud.gateway.support.TimeoutException.class)
                || failure instanceof ResponseStatusException rse && rse.getStatusCode().value() == 504) {
            return new Problem("upstream-timeout", HttpStatus.GATEWAY_TIMEOUT, "Gateway Timeout",
                    "The " + service + " did not answer in time.");
        }
        if (causedBy(failure, PrematureCloseException.class)) {
            return new Problem("bad-gateway", HttpStatus.BAD_GATEWAY, "Bad Gateway",
                    "The " + service + " closed the connection before answering.");
        }
        if (causedBy(failure, DataBufferLimitException.class)) {
            return Problem.of(HttpStatus.CONTENT_TOO_LARGE, "The request is larger than the gateway accepts.");
        }
        if (causedBy(failure, AuthenticationServiceException.class)) {
            return new Problem("sign-in-unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Service Unavailable",
                    "Access tokens cannot be checked right now; try again shortly.");
        }
        if (failure instanceof ResponseStatusException rse) {
            HttpStatus status = HttpStatus.resolve(rse.getStatusCode().value());
            if (status == null) {
                status = HttpStatus.INTERNAL_SERVER_ERROR;
            }
            headers.addAll(rse.getHeaders());
            return Problem.of(status, detailFor(status, rse));
        }
        return Problem.of(HttpStatus.INTERNAL_SERVER_ERROR, "The gateway could not complete the request.");
    }

    private static String detailFor(HttpStatus status, ResponseStatusException rse) {
        return switch (status.value()) {
            case 404 -> "There is nothing at this address.";
            case 405 -> "This address does not accept that method.";
            case 413 -> "The request is larger than the gateway accepts.";
            case 503 -> "The service behind this address is not available right now.";
            default -> status.is4xxClientError() && rse.getReason() != null
                    ? rse.getReason() : status.getReasonPhrase() + ".";
        };
    }

    private static String serviceName(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        if (route != null && route.getMetadata().get(PublicRoutes.SERVICE) instanceof String name) {
            return name + " service";
        }
        return "service behind this address";
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        return cause(failure, type) != null;
    }

    private static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 16; t = t.getCause(), depth++) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
