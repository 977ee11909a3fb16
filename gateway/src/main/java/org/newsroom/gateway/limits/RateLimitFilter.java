package org.newsroom.gateway.limits;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.newsroom.gateway.problem.Problem;
import org.newsroom.gateway.problem.ProblemException;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import reactor.core.publisher.Mono;

/**
 * Spends the request's budgets after the token check, so a member is known by the verified
 * subject of their token and cannot spend someone else's budget by naming them.
 */
public class RateLimitFilter implements WebFilter, Ordered {

    /** Just after Spring Security's filter chain (-100). */
    public static final int ORDER = -90;

    private final RateLimitSettings settings;

    private final RequestBudgets budgets;

    private final List<CompiledRule> rules;

    public RateLimitFilter(RateLimitSettings settings, RequestBudgets budgets) {
        this.settings = settings;
        this.budgets = budgets;
        List<CompiledRule> compiled = new ArrayList<>();
        for (Map.Entry<String, RateLimitSettings.Rule> entry : settings.getRules().entrySet()) {
            compiled.add(CompiledRule.of(entry.getKey(), entry.getValue()));
        }
        this.rules = List.copyOf(compiled);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!settings.isEnabled()) {
            return chain.filter(exchange);
        }
        return exchange.getPrincipal()
                .filter(p -> p instanceof Authentication a && a.isAuthenticated()
                        && !(a instanceof AnonymousAuthenticationToken))
                .map(p -> Optional.of(p.getName()))
                .defaultIfEmpty(Optional.empty())
                .flatMap(member -> {
                    String address = exchange.getAttributeOrDefault(ClientAddressFilter.ATTRIBUTE, "unknown");
                    PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
                    String method = exchange.getRequest().getMethod().name();
                    for (CompiledRule rule : rules) {
                        if (rule.matches(method, path)) {
                            String who = rule.rule.getKey() == RateLimitSettings.Key.ADDRESS || member.isEmpty()
                                    ? "address:" + address : "member:" + member.get();
                            TokenBucket.Outcome outcome = budgets.spend(rule.name, rule.rule, who);
                            if (!outcome.allowed()) {
                                return Mono.error(tooMany(outcome, rule.name));
                            }
                        }
                    }
                    String who = member.map(m -> "member:" + m).orElse("address:" + address);
                    TokenBucket.Outcome outcome = budgets.spend("general", settings.getGeneral(), who);
                    if (!outcome.allowed()) {
                        return Mono.error(tooMany(outcome, "general"));
                    }
                    return chain.filter(exchange);
                });
    }

    private static ProblemException tooMany(TokenBucket.Outcome outcome, String budget) {
        HttpHeaders headers = new HttpHeaders();
        long seconds = outcome.retryAfterSeconds();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        Problem problem = new Problem("too-many-requests", HttpStatus.TOO_MANY_REQUESTS, "Too Many Requests",
                "Too many requests (" + budget + " budget); try again in " + seconds + " s.");
        return new ProblemException(problem, headers);
    }

    private record CompiledRule(String name, RateLimitSettings.Rule rule, Set<String> methods,
            List<PathPattern> paths) {

        static CompiledRule of(String name, RateLimitSettings.Rule rule) {
            Set<String> methods = rule.getMethods().stream().map(String::toUpperCase).collect(Collectors.toSet());
            List<PathPattern> paths = rule.getPaths().stream().map(PathPatternParser.defaultInstance::parse).toList();
            return new CompiledRule(name, rule, methods, paths);
        }

        boolean matches(String method, PathContainer path) {
            if (!methods.isEmpty() && !methods.contains(method)) {
                return false;
            }
            for (PathPattern pattern : paths) {
                if (pattern.matches(path)) {
                    return true;
                }
            }
            return false;
        }
    }
}
