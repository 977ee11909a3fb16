package org.newsroom.defaults.security;

import org.springframework.security.config.web.server.ServerHttpSecurity;

/**
 * A service's own access rules: which paths are public and which need a role. Whatever a service
 * does not name here needs a valid token. Object-level checks (a member reads only their own data)
 * stay in the handlers.
 */
@FunctionalInterface
public interface AccessRules {

    void configure(ServerHttpSecurity.AuthorizeExchangeSpec exchanges);
}
