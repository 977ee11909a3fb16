package org.newsroom.membership.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.newsroom.defaults.test.KafkaProbe;
import org.newsroom.membership.config.StartupData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

@TestPropertySource(properties = "newsroom.demo.enabled=true")
class DemoDataApiTest extends ApiTestSupport {

    @Autowired
    StartupData startup;

    static final Map<String, String> PASSWORDS = Map.of(
            "admin@newsroom.test", "admin-password",
            "editor@newsroom.test", "editor-password",
            "patron1@newsroom.test", "patron1-password",
            "patron2@newsroom.test", "patron2-password",
            "reader@newsroom.test", "reader-password");

    @Test
    void theDemoAccountsSignInWithTheirDocumentedPasswordsAndThePatronsAreActiveOnTheTopic() {
        Account admin = as("admin@newsroom.test");
        assertThat(getJson("/api/members/me", admin).get("roles").toString()).contains("ADMIN", "EDITOR");
        assertThat(getJson("/api/members/me", as("editor@newsroom.test")).get("roles").toString()).contains("EDITOR")
                .doesNotContain("ADMIN");
        assertThat(getJson("/api/members/me", as("reader@newsroom.test")).get("roles").toString()).isEqualTo("[\"READER\"]");

        Account patron1 = as("patron1@newsroom.test");
        Account patron2 = as("patron2@newsroom.test");
        var m1 = getJson("/api/memberships/me", patron1);
        var m2 = getJson("/api/memberships/me", patron2);
        assertThat(m1.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(m2.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(m1.get("tier").asString()).isNotEqualTo(m2.get("tier").asString());

        var activated = KafkaProbe.read(TOPIC, r -> r.key().equals(patron1.id()) || r.key().equals(patron2.id()), 4,
                Duration.ofSeconds(20));
        assertThat(types(activated)).filteredOn(t -> t.endsWith("activated.v1")).hasSize(2);
        activated.forEach(MembershipFlowApiTest::assertKeepsTheContract);
    }

    @Test
    void preparingAgainAsAfterARestartChangesNothing() {
        Account patron1 = as("patron1@newsroom.test");
        long before = getJson("/api/admin/members?limit=100", as("admin@newsroom.test")).get("items").size();
        startup.prepare();
        startup.prepare();
        long after = getJson("/api/admin/members?limit=100", as("admin@newsroom.test")).get("items").size();
        assertThat(after).isEqualTo(before);
        var events = KafkaProbe.readFor(TOPIC, KafkaProbe.withKey(patron1.id()), Duration.ofSeconds(2));
        assertThat(types(events)).containsExactly("org.newsroom.membership.member-registered.v1",
                "org.newsroom.membership.activated.v1");
    }

    private Account as(String email) {
        var tokens = login(email, PASSWORDS.get(email));
        String token = tokens.get("accessToken").asString();
        Account partial = new Account(null, email, PASSWORDS.get(email), token, tokens.get("refreshToken").asString());
        String id = getJson("/api/members/me", partial).get("id").asString();
        return new Account(id, email, PASSWORDS.get(email), token, partial.refreshToken());
    }
}
