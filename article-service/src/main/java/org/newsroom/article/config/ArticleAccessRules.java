package org.newsroom.article.config;

import org.newsroom.defaults.security.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Reading is public (a token, when sent, tells whether the reader is a patron); the editorial API
 * and assigning commissions are for editors (and admins, as everywhere in Newsroom).
 */
@Configuration(proxyBeanMethods = false)
class ArticleAccessRules {

    @Bean
    AccessRules articleAccess() {
        return exchanges -> exchanges
                .pathMatchers(HttpMethod.GET, "/api/articles", "/api/articles/**", "/api/tags", "/api/commissions")
                .permitAll()
                .pathMatchers("/api/editorial/**").hasAnyRole("EDITOR", "ADMIN")
                .pathMatchers("/api/commissions/*/assignment").hasAnyRole("EDITOR", "ADMIN");
    }
}
