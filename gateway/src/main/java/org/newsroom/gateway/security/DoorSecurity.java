package org.newsroom.gateway.security;

import java.util.List;

import org.newsroom.gateway.config.GatewaySettings;
import org.newsroom.gateway.problem.ProblemWriter;
import org.newsroom.gateway.routing.PublicRoutes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

import reactor.core.publisher.Mono;

/**
 * The token check at the door. Services check tokens again and decide object-level access; the
 * gateway only keeps out requests that could never succeed, before they cost a service anything.
 * Unknown paths are let through to the router so they answer 404 whether or not a token is sent.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
public class DoorSecurity {

    /** Reads anyone may make. A token, if sent, is still checked. */
    static final String[] PUBLIC_READS = {"/api/articles/**", "/api/tags/**", "/api/commissions/**",
            "/api/topics/**", "/api/polls/**", "/api/memberships/tiers", "/api/memberships/stats"};

    /** Sign-up, sign-in, token refresh, the JWKS and payment providers' webhooks. */
    static final String[] PUBLIC_ANY_METHOD = {"/api/auth/**", "/api/webhooks/**"};

    /**
     * The filter chain, authentication and authorization are not observed one by one: on every request
     * that cost about a tenth of the gateway's CPU. The request as a whole is still observed and traced.
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityWebFilterChain door(ServerHttpSecurity http, ProblemWriter problems, GatewaySettings settings) {
        ProblemAnswers answers = new ProblemAnswers(problems);
        GatewaySettings.Headers headers = settings.getHeaders();
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .anonymous(ServerHttpSecurity.AnonymousSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives(headers.getContentSecurityPolicy()))
                        .referrerPolicy(referrer -> referrer.policy(headers.getReferrerPolicy()))
                        // Spring Security writes HSTS only on answers that went out over TLS.
                        .hsts(hsts -> hsts.maxAge(headers.getHstsMaxAge()).includeSubdomains(true)))
                .authorizeExchange(door -> door
                        .pathMatchers(HttpMethod.GET, PUBLIC_READS).permitAll()
                        .pathMatchers(HttpMethod.HEAD, PUBLIC_READS).permitAll()
                        .pathMatchers(PUBLIC_ANY_METHOD).permitAll()
                        .pathMatchers("/api/editorial/**").hasAnyRole("EDITOR", "ADMIN")
                        // Admin paths serve both roles; membership-service decides which action needs which.
                        .pathMatchers("/api/admin/**").hasAnyRole("ADMIN", "EDITOR")
                        .pathMatchers(PublicRoutes.allPaths()).authenticated()
                        .anyExchange().permitAll())
                .exceptionHandling(e -> e.authenticationEntryPoint(answers).accessDeniedHandler(answers))
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .authenticationEntryPoint(answers)
                        .accessDeniedHandler(answers)
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(rolesAsAuthorities())))
                .build();
    }

    @Bean
    ReactiveJwtDecoder accessTokenDecoder(GatewaySettings settings) {
        GatewaySettings.Tokens tokens = settings.getTokens();
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder
                .withJwkSetUri(tokens.getJwksUri().toString())
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                List.of(JwtValidators.createDefaultWithIssuer(tokens.getIssuer()))));
        return decoder;
    }

    /** {@code roles: ["EDITOR"]} becomes the authority {@code ROLE_EDITOR}. */
    static Converter<Jwt, Mono<AbstractAuthenticationToken>> rolesAsAuthorities() {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName("roles");
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);
        return new ReactiveJwtAuthenticationConverterAdapter(converter);
    }
}
