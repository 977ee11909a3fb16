package org.newsroom.gateway.config;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.util.unit.DataSize;

/**
 * Everything the gateway needs to know that may differ between a laptop and a cluster. Every value
 * has a working local default; environment variables override it through relaxed binding
 * ({@code NEWSROOM_GATEWAY_MAX_REQUEST_BODY=2MB}, ...).
 */
@ConfigurationProperties("newsroom.gateway")
public class GatewaySettings {

    /** The three services behind the gateway, by name: membership, article, voting. */
    private Map<String, Upstream> services = new LinkedHashMap<>();

    /** Largest request body the gateway forwards; larger ones get 413. */
    private DataSize maxRequestBody = DataSize.ofMegabytes(1);

    /**
     * Addresses (single IPs or CIDR ranges) of proxies in front of the gateway whose
     * {@code X-Forwarded-For} is believed. Empty: the peer address is the client address.
     */
    private List<String> trustedProxies = new ArrayList<>();

    private Breaker circuitBreaker = new Breaker();

    private Retry retry = new Retry();

    private Headers headers = new Headers();

    private Tokens tokens = new Tokens();

    public Tokens getTokens() {
        return tokens;
    }

    public void setTokens(Tokens tokens) {
        this.tokens = tokens;
    }

    public Map<String, Upstream> getServices() {
        return services;
    }

    public void setServices(Map<String, Upstream> services) {
        this.services = services;
    }

    public DataSize getMaxRequestBody() {
        return maxRequestBody;
    }

    public void setMaxRequestBody(DataSize maxRequestBody) {
        this.maxRequestBody = maxRequestBody;
    }

    public List<String> getTrustedProxies() {
        return trustedProxies;
    }

    public void setTrustedProxies(List<String> trustedProxies) {
        this.trustedProxies = trustedProxies;
    }

    public Breaker getCircuitBreaker() {
        return circuitBreaker;
    }

    public void setCircuitBreaker(Breaker circuitBreaker) {
        this.circuitBreaker = circuitBreaker;
    }

    public Retry getRetry() {
        return retry;
    }

    public void setRetry(Retry retry) {
        this.retry = retry;
    }

    public Headers getHeaders() {
        return headers;
    }

    public void setHeaders(Headers headers) {
        this.headers = headers;
    }

    public Upstream service(String name) {
        Upstream upstream = services.get(name);
        if (upstream == null || upstream.getUrl() == null) {
            throw new IllegalStateException("newsroom.gateway.services." + name + ".url is not configured");
        }
        return upstream;
    }

    /** One service behind the gateway. */
    public static class Upstream {

        /** Base URL of the service, for example http://localhost:8082. */
        private URI url;

        /** How long the gateway waits for the service's response headers before answering 504. */
        private Duration responseTimeout = Duration.ofSeconds(10);

        public URI getUrl() {
            return url;
        }

        public void setUrl(URI url) {
            this.url = url;
        }

        public Duration getResponseTimeout() {
            return responseTimeout;
        }

        public void setResponseTimeout(Duration responseTimeout) {
            this.responseTimeout = responseTimeout;
        }
    }

    /** One circuit breaker per service, all with these settings. */
    public static class Breaker {

        /** Percentage of failed calls in the window that opens the breaker. */
        private float failureRateThreshold = 50;

        /** Number of recent calls the failure rate is computed over. */
        private int slidingWindowSize = 20;

        /** Calls needed in the window before the failure rate is judged at all. */
        private int minimumNumberOfCalls = 10;

        /** How long an open breaker answers 503 at once before letting trial calls through. */
        private Duration waitInOpenState = Duration.ofSeconds(10);

        /** Trial calls let through while half open. */
        private int permittedCallsInHalfOpenState = 3;

        public float getFailureRateThreshold() {
            return failureRateThreshold;
        }

        public void setFailureRateThreshold(float failureRateThreshold) {
            this.failureRateThreshold = failureRateThreshold;
        }

        public int getSlidingWindowSize() {
            return slidingWindowSize;
        }

        public void setSlidingWindowSize(int slidingWindowSize) {
            this.slidingWindowSize = slidingWindowSize;
        }

        public int getMinimumNumberOfCalls() {
            return minimumNumberOfCalls;
        }

        public void setMinimumNumberOfCalls(int minimumNumberOfCalls) {
            this.minimumNumberOfCalls = minimumNumberOfCalls;
        }

        public Duration getWaitInOpenState() {
            return waitInOpenState;
        }

        public void setWaitInOpenState(Duration waitInOpenState) {
            this.waitInOpenState = waitInOpenState;
        }

        public int getPermittedCallsInHalfOpenState() {
            return permittedCallsInHalfOpenState;
        }

        public void setPermittedCallsInHalfOpenState(int permittedCallsInHalfOpenState) {
            this.permittedCallsInHalfOpenState = permittedCallsInHalfOpenState;
        }
    }

    /** Retries of idempotent reads (GET) after a connection failure; other methods never retry. */
    public static class Retry {

        /** Extra attempts after the first; 0 turns retries off. */
        private int retries = 2;

        /** Pause before the first retry; doubles for each further one. */
        private Duration firstBackoff = Duration.ofMillis(50);

        public int getRetries() {
            return retries;
        }

        public void setRetries(int retries) {
            this.retries = retries;
        }

        public Duration getFirstBackoff() {
            return firstBackoff;
        }

        public void setFirstBackoff(Duration firstBackoff) {
            this.firstBackoff = firstBackoff;
        }
    }

    /** Security headers on every answer. */
    public static class Headers {

        /** Content-Security-Policy of API answers: nothing may load, nothing may frame them. */
        private String contentSecurityPolicy =
                "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

        /** Referrer-Policy. */
        private ReferrerPolicy referrerPolicy = ReferrerPolicy.NO_REFERRER;

        /** Max-age of Strict-Transport-Security, sent only on answers over TLS. */
        private Duration hstsMaxAge = Duration.ofDays(365);

        public String getContentSecurityPolicy() {
            return contentSecurityPolicy;
        }

        public void setContentSecurityPolicy(String contentSecurityPolicy) {
            this.contentSecurityPolicy = contentSecurityPolicy;
        }

        public ReferrerPolicy getReferrerPolicy() {
            return referrerPolicy;
        }

        public void setReferrerPolicy(ReferrerPolicy referrerPolicy) {
            this.referrerPolicy = referrerPolicy;
        }

        public Duration getHstsMaxAge() {
            return hstsMaxAge;
        }

        public void setHstsMaxAge(Duration hstsMaxAge) {
            this.hstsMaxAge = hstsMaxAge;
        }
    }

    /** Where access tokens come from. */
    public static class Tokens {

        /** Expected {@code iss} of every access token. */
        private String issuer = "http://localhost:8080";

        /** The signer's published keys. */
        private URI jwksUri = URI.create("http://localhost:8081/.well-known/jwks.json");

        public String getIssuer() {
            return issuer;
        }

        public void setIssuer(String issuer) {
            this.issuer = issuer;
        }

        public URI getJwksUri() {
            return jwksUri;
        }

        public void setJwksUri(URI jwksUri) {
            this.jwksUri = jwksUri;
        }
    }
}
