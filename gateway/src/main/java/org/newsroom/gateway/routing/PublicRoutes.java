package org.newsroom.gateway.routing;

import static org.springframework.cloud.gateway.support.RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.newsroom.gateway.config.GatewaySettings;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.GatewayFilterSpec;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.cloud.gateway.route.builder.UriSpec;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * The public paths of the three services. Services serve the same paths as the gateway, so paths
 * are forwarded unchanged; the one exception is membership's JWKS, published as
 * {@code /api/auth/jwks.json}. Anything not listed here is not reachable from outside (404).
 */
@Configuration(proxyBeanMethods = false)
public class PublicRoutes {

    /** Route metadata key naming the service a route leads to; used in error answers. */
    public static final String SERVICE = "newsroom-service";

    public static final Map<String, List<String>> PATHS = Map.of(
            "membership", List.of("/api/auth/**", "/api/members/**", "/api/memberships/**",
                    "/api/webhooks/**", "/api/admin/**"),
            "article", List.of("/api/articles/**", "/api/tags/**", "/api/commissions/**",
                    "/api/editorial/articles/**"),
            "voting", List.of("/api/topics/**", "/api/polls/**", "/api/ballots/**",
                    "/api/editorial/topics/**", "/api/editorial/polls/**"));

    /** Every path pattern the gateway forwards; nothing outside these reaches a service. */
    public static String[] allPaths() {
        return PATHS.values().stream().flatMap(List::stream).toArray(String[]::new);
    }

    /** Long-lived Server-Sent Event streams: no breaker or retry around them. */
    static final String[] VOTING_STREAMS = {"/api/polls/*/tally/stream"};

    @Bean
    RouteLocator newsroomRoutes(RouteLocatorBuilder builder, GatewaySettings settings) {
        GatewaySettings.Upstream membership = settings.service("membership");
        GatewaySettings.Upstream voting = settings.service("voting");
        RouteLocatorBuilder.Builder routes = builder.routes()
                .route("membership-jwks", r -> r.order(-10)
                        .path("/api/auth/jwks.json").and().method(HttpMethod.GET, HttpMethod.HEAD)
                        .filters(f -> resilient(f.setPath("/.well-known/jwks.json"), "membership", settings))
                        .metadata(SERVICE, "membership")
                        .metadata(RESPONSE_TIMEOUT_ATTR, membership.getResponseTimeout().toMillis())
                        .uri(membership.getUrl()))
                // An SSE stream lasts as long as the reader watches: a breaker would count it as a
                // slow call and a retry cannot resume it. The response timeout still bounds the
                // wait for the stream to start.
                .route("voting-streams", r -> r.order(-10)
                        .path(VOTING_STREAMS).and().method(HttpMethod.GET)
                        .metadata(SERVICE, "voting")
                        .metadata(RESPONSE_TIMEOUT_ATTR, voting.getResponseTimeout().toMillis())
                        .uri(voting.getUrl()));
        for (Map.Entry<String, List<String>> service : PATHS.entrySet()) {
            String name = service.getKey();
            GatewaySettings.Upstream upstream = settings.service(name);
            routes = routes.route(name, r -> serviceRoute(r.path(service.getValue().toArray(String[]::new))
                    .filters(f -> resilient(f, name, settings)), name, upstream));
        }
        return routes.build();
    }

    private static org.springframework.cloud.gateway.route.builder.Buildable<org.springframework.cloud.gateway.route.Route> serviceRoute(
            UriSpec spec, String name, GatewaySettings.Upstream upstream) {
        return spec.metadata(SERVICE, name)
                .metadata(RESPONSE_TIMEOUT_ATTR, upstream.getResponseTimeout().toMillis())
                .uri(upstream.getUrl());
    }

    /**
     * One breaker per service, so a failing service fails fast without touching the others. Inside
     * it, GETs are retried after a connection failure only: they are idempotent, and a timeout is
     * not retried because the reader has already waited long enough.
     */
    private static GatewayFilterSpec resilient(GatewayFilterSpec f, String service, GatewaySettings settings) {
        GatewayFilterSpec spec = f.circuitBreaker(c -> c.setName(service));
        GatewaySettings.Retry retry = settings.getRetry();
        if (retry.getRetries() > 0) {
            Duration first = retry.getFirstBackoff();
            spec = spec.retry(r -> r.setRetries(retry.getRetries())
                    .setMethods(HttpMethod.GET)
                    .setSeries()
                    .setStatuses(HttpStatus.BAD_GATEWAY)
                    .setExceptions(IOException.class)
                    .setBackoff(first, first.multipliedBy(8), 2, true));
        }
        return spec;
    }
}
