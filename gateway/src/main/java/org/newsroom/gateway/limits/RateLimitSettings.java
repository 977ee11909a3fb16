package org.newsroom.gateway.limits;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Request budgets. Every request spends from the general budget; requests that match a rule also
 * spend from that rule's budget. A budget is counted per signed-in member (the token's subject),
 * or per client address for anonymous requests and for rules keyed by address.
 */
@ConfigurationProperties("newsroom.gateway.rate-limits")
public class RateLimitSettings {

    private boolean enabled = true;

    private Budget general = new Budget(300, 300, Duration.ofMinutes(1));

    /** Tighter budgets by name: register, login, refresh, webhooks, ballots. */
    private Map<String, Rule> rules = new LinkedHashMap<>();

    /** Upper bound on remembered budgets; full ones are forgotten first. */
    private int maxTrackedKeys = 100_000;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Budget getGeneral() {
        return general;
    }

    public void setGeneral(Budget general) {
        this.general = general;
    }

    public Map<String, Rule> getRules() {
        return rules;
    }

    public void setRules(Map<String, Rule> rules) {
        this.rules = rules;
    }

    public int getMaxTrackedKeys() {
        return maxTrackedKeys;
    }

    public void setMaxTrackedKeys(int maxTrackedKeys) {
        this.maxTrackedKeys = maxTrackedKeys;
    }

    /** Whose budget a request spends. */
    public enum Key {
        /** The signed-in member, else the client address. */
        MEMBER_OR_ADDRESS,
        /** Always the client address (for example webhooks, which carry no member). */
        ADDRESS
    }

    /** A bucket size and how fast it refills. */
    public static class Budget {

        private long capacity;

        private long refillTokens;

        private Duration refillPeriod;

        public Budget() {
            this(60, 60, Duration.ofMinutes(1));
        }

        public Budget(long capacity, long refillTokens, Duration refillPeriod) {
            this.capacity = capacity;
            this.refillTokens = refillTokens;
            this.refillPeriod = refillPeriod;
        }

        public long getCapacity() {
            return capacity;
        }

        public void setCapacity(long capacity) {
            this.capacity = capacity;
        }

        public long getRefillTokens() {
            return refillTokens;
        }

        public void setRefillTokens(long refillTokens) {
            this.refillTokens = refillTokens;
        }

        public Duration getRefillPeriod() {
            return refillPeriod;
        }

        public void setRefillPeriod(Duration refillPeriod) {
            this.refillPeriod = refillPeriod;
        }
    }

    /** A budget for some requests: by method (empty: any) and path pattern. */
    public static class Rule extends Budget {

        private List<String> methods = new ArrayList<>();

        private List<String> paths = new ArrayList<>();

        private Key key = Key.MEMBER_OR_ADDRESS;

        public List<String> getMethods() {
            return methods;
        }

        public void setMethods(List<String> methods) {
            this.methods = methods;
        }

        public List<String> getPaths() {
            return paths;
        }

        public void setPaths(List<String> paths) {
            this.paths = paths;
        }

        public Key getKey() {
            return key;
        }

        public void setKey(Key key) {
            this.key = key;
        }
    }
}
