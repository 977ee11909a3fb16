package org.newsroom.article.config;

import java.security.Principal;
import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Who is calling: a member id and whether they are an editor, or nobody (an anonymous reader). */
public record Caller(String memberId, boolean editor) {

    public static final Caller ANONYMOUS = new Caller(null, false);

    public static Mono<Caller> of(ServerWebExchange exchange) {
        return exchange.getPrincipal().map(Caller::from).defaultIfEmpty(ANONYMOUS);
    }

    static Caller from(Principal principal) {
        if (principal instanceof Authentication auth && auth.isAuthenticated()) {
            boolean editor = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                    .anyMatch("ROLE_EDITOR"::equals);
            return new Caller(auth.getName(), editor);
        }
        return ANONYMOUS;
    }

    public Optional<String> member() {
        return Optional.ofNullable(memberId);
    }
}
