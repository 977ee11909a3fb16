package org.newsroom.voting.config;

import java.util.Collection;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Who is calling: the member id from the token's subject, and whether they edit. */
public record Caller(String memberId, boolean editor) {

    public static Caller of(JwtAuthenticationToken token) {
        Collection<GrantedAuthority> roles = token.getAuthorities();
        boolean editor = roles.stream().anyMatch(a -> a.getAuthority().equals("ROLE_EDITOR")
                || a.getAuthority().equals("ROLE_ADMIN"));
        return new Caller(token.getName(), editor);
    }
}
