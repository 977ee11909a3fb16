package org.newsroom.membership.config;

import org.newsroom.defaults.security.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Public: tiers, stats, sign-up and sign-in, keys, provider webhooks. Editors and admins: the admin API. */
@Configuration(proxyBeanMethods = false)
class MembershipAccessRules {

    @Bean
    AccessRules accessRules() {
        return exchanges -> exchanges
                .pathMatchers(HttpMethod.GET, "/api/memberships/tiers", "/api/memberships/stats",
                        "/.well-known/jwks.json", "/api/auth/jwks.json").permitAll()
                .pathMatchers(HttpMethod.POST, "/api/auth/register", "/api/auth/login", "/api/auth/refresh",
                        "/api/auth/logout", "/api/webhooks/stripe", "/api/webhooks/patreon").permitAll()
                .pathMatchers("/api/admin/members/*/roles").hasRole("ADMIN")
                .pathMatchers("/api/admin/**").hasAnyRole("EDITOR", "ADMIN");
    }
}
