package org.newsroom.membership.account;

import java.net.InetSocketAddress;
import java.util.Map;

import org.newsroom.membership.token.SigningKeys;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/** Sign-up, sign-in, token refresh and sign-out; the public keys tokens are checked with. */
@RestController
class AuthController {

    private final AccountService accounts;
    private final SigningKeys keys;

    AuthController(AccountService accounts, SigningKeys keys) {
        this.accounts = accounts;
        this.keys = keys;
    }

    record RegisterRequest(String email, String password, String displayName) {
    }

    record Registered(String id, String email, String displayName) {
    }

    record LoginRequest(String email, String password) {
    }

    record RefreshRequest(String refreshToken) {
    }

    @PostMapping("/api/auth/register")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Registered> register(@RequestBody RegisterRequest request) {
        return accounts.register(request.email(), request.password(), request.displayName())
                .map(m -> new Registered(m.id(), m.email(), m.displayName()));
    }

    @PostMapping("/api/auth/login")
    Mono<AccountService.Tokens> login(@RequestBody LoginRequest request, ServerWebExchange exchange) {
        return accounts.login(request.email(), request.password(), clientAddress(exchange.getRequest()))
                .doOnError(AccountService.TooManyAttempts.class, e -> exchange.getResponse().getHeaders()
                        .set("Retry-After", String.valueOf(Math.max(1, e.retryAfter().toSeconds()))));
    }

    @PostMapping("/api/auth/refresh")
    Mono<AccountService.Tokens> refresh(@RequestBody RefreshRequest request) {
        return accounts.refresh(request.refreshToken());
    }

    @PostMapping("/api/auth/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> logout(@RequestBody RefreshRequest request) {
        return accounts.logout(request.refreshToken());
    }

    @GetMapping(path = { "/.well-known/jwks.json", "/api/auth/jwks.json" }, produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> jwks() {
        return keys.jwks();
    }

    /**
     * The address a sign-in came from: the last hop of {@code X-Forwarded-For} (the one the gateway
     * appended, which a client cannot forge), else the peer.
     */
    static String clientAddress(ServerHttpRequest request) {
        String forwarded = request.getHeaders().getFirst("X-Forwarded-For");
        if (forwarded != null && !forwarded.isBlank()) {
            String[] hops = forwarded.split(",");
            return hops[hops.length - 1].strip();
        }
        InetSocketAddress peer = request.getRemoteAddress();
        return peer == null || peer.getAddress() == null ? "unknown" : peer.getAddress().getHostAddress();
    }
}
