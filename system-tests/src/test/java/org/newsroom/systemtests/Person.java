package org.newsroom.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;

/** Someone using Newsroom through the gateway: their account and their current access token. */
public record Person(Gateway gateway, String email, String password, String displayName, String id, String token,
        String refreshToken) {

    static final String PASSWORD = "a-long-enough-passphrase";

    /** A new reader: registers with a fresh email and signs in. */
    public static Person registerReader(Gateway gateway, String displayName) {
        String email = displayName.toLowerCase().replaceAll("[^a-z]+", "-") + "-" + UUID.randomUUID()
                + "@journeys.newsroom.test";
        Answer registered = gateway.post("/api/auth/register", null,
                Map.of("email", email, "password", PASSWORD, "displayName", displayName)).expect(201);
        assertThat(registered.text("$.email")).isEqualTo(email);
        return signIn(gateway, email, PASSWORD, displayName);
    }

    /** One of the accounts of the demo data (see membership-service's README). */
    public static Person demo(Gateway gateway, String name) {
        return signIn(gateway, name + "@newsroom.test", name + "-password", name);
    }

    public static Person signIn(Gateway gateway, String email, String password, String displayName) {
        Answer tokens = gateway.post("/api/auth/login", null, Map.of("email", email, "password", password)).expect(200);
        assertThat(tokens.text("$.tokenType")).isEqualToIgnoringCase("Bearer");
        Answer me = gateway.get("/api/members/me", tokens.text("$.accessToken")).expect(200);
        return new Person(gateway, email, password, displayName, me.text("$.id"), tokens.text("$.accessToken"),
                tokens.text("$.refreshToken"));
    }

    public Answer get(String path) {
        return gateway.get(path, token);
    }

    public Answer post(String path, Object json) {
        return gateway.post(path, token, json);
    }

    public Answer put(String path, Object json) {
        return gateway.put(path, token, json);
    }

    /** Checks out in the sandbox and pays; returns once membership-service says the membership is active. */
    public void payInTheSandbox(String tier) {
        Answer checkout = post("/api/memberships/checkout", Map.of("tier", tier, "period", "MONTHLY")).expect(201);
        String checkoutId = checkout.text("$.checkoutId");
        assertThat(checkout.text("$.checkoutUrl")).contains(checkoutId);
        assertThat(get("/api/memberships/me").expect(200).text("$.status")).isEqualTo("PENDING");
        post("/api/memberships/sandbox/checkouts/" + checkoutId + "/pay", null).expect(200);
        Awaitility.await("membership of " + email + " active").atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> "ACTIVE".equals(get("/api/memberships/me").expect(200).text("$.status")));
    }

    /** A reader who has paid in the sandbox. Other services learn it from the membership events. */
    public static Person newPatron(Gateway gateway, String displayName, String tier) {
        Person patron = registerReader(gateway, displayName);
        patron.payInTheSandbox(tier);
        return patron;
    }
}
