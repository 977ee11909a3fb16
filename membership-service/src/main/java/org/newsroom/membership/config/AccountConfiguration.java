package org.newsroom.membership.config;

import java.time.Clock;
import java.time.Duration;

import org.newsroom.membership.account.LoginFailures;
import org.newsroom.membership.account.LoginThrottle;
import org.newsroom.membership.account.RefreshTokens;
import org.newsroom.membership.payment.PaymentProperties;
import org.newsroom.membership.token.AccessTokens;
import org.newsroom.membership.token.GeneratedSigningKey;
import org.newsroom.membership.token.OwnTokenDecoder;
import org.newsroom.membership.token.SigningKeys;
import org.newsroom.membership.token.TokenProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ TokenProperties.class, PaymentProperties.class })
class AccountConfiguration {

    @Bean
    SigningKeys signingKeys(TokenProperties properties, ReactiveMongoTemplate mongo) {
        return SigningKeys.from(GeneratedSigningKey.withGeneratedKey(properties, mongo));
    }

    /** Tokens name the issuer every Newsroom service checks ({@code NEWSROOM_JWT_ISSUER}). */
    @Bean
    AccessTokens accessTokens(SigningKeys keys, TokenProperties properties,
            @Value("${newsroom.security.issuer}") String issuer, Clock clock) {
        return new AccessTokens(keys, issuer, properties.accessTokenTtl(), clock);
    }

    /** This service checks its own tokens with its own keys, never over HTTP. */
    @Bean
    ReactiveJwtDecoder jwtDecoder(SigningKeys keys, @Value("${newsroom.security.issuer}") String issuer, Clock clock) {
        return OwnTokenDecoder.create(keys, issuer, clock);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    RefreshTokens refreshTokens(ReactiveMongoTemplate mongo, Clock clock, TokenProperties properties) {
        return new RefreshTokens(mongo, clock, properties.refreshTokenTtl());
    }

    @Bean
    LoginFailures loginFailures(ReactiveMongoTemplate mongo, Clock clock,
            @Value("${newsroom.auth.throttle.max-failures-per-account:5}") int perAccount,
            @Value("${newsroom.auth.throttle.max-failures-per-address:20}") int perAddress,
            @Value("${newsroom.auth.throttle.window:15m}") Duration window) {
        return new LoginFailures(mongo, new LoginThrottle(perAccount, perAddress, window), clock);
    }
}
