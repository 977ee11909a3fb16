package org.newsroom.defaults.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where tokens come from: the issuer every token must name and the JWKS that holds its keys. An
 * external OpenID Connect provider can take membership-service's place by changing these two.
 */
@ConfigurationProperties("newsroom.security")
public record SecurityProperties(String issuer, String jwksUri) {
}
