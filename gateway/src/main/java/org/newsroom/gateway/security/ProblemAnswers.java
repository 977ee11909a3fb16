package org.newsroom.gateway.security;

import org.newsroom.gateway.problem.Problem;
import org.newsroom.gateway.problem.ProblemWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/** 401 and 403 as problem answers, with the {@code WWW-Authenticate} challenge of RFC 6750. */
class ProblemAnswers implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

    private final ProblemWriter writer;

    ProblemAnswers(ProblemWriter writer) {
        this.writer = writer;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
        HttpHeaders headers = new HttpHeaders();
        Problem problem;
        if (failure instanceof InvalidBearerTokenException
                || failure instanceof org.springframework.security.oauth2.core.OAuth2AuthenticationException) {
            headers.set(HttpHeaders.WWW_AUTHENTICATE,
                    "Bearer error=\"invalid_token\", error_description=\"The access token is not valid\"");
            problem = new Problem("invalid-token", HttpStatus.UNAUTHORIZED, "Unauthorized",
                    "The access token is not valid: it is expired, altered, or not issued for Newsroom.");
        }
        else {
            headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            problem = new Problem("unauthorized", HttpStatus.UNAUTHORIZED, "Unauthorized",
                    "Sign in first: this needs a valid access token.");
        }
        return writer.write(exchange, problem, headers);
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\"");
        return writer.write(exchange, new Problem("forbidden", HttpStatus.FORBIDDEN, "Forbidden",
                "Your account's role does not allow this."), headers);
    }
}
