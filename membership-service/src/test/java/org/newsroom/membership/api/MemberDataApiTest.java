package org.newsroom.membership.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.newsroom.defaults.test.KafkaProbe;
import org.newsroom.membership.payment.PatreonSignature;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

class MemberDataApiTest extends ApiTestSupport {

    @Test
    void memberACanNeverReadOrChangeMemberBsData() {
        Account a = registerAndLogin("alice");
        Account b = registerAndLogin("bob");
        String bobsCheckout = json(web.post().uri("/api/memberships/checkout").header("Authorization", bearer(b))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("tier", "coffee", "period", "MONTHLY"))
                .exchange().expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody())
                .get("checkoutId").asString();

        // Alice's "me" is Alice, whatever she asks for
        assertThat(getJson("/api/members/me", a).get("id").asString()).isEqualTo(a.id());
        assertThat(getJson("/api/members/me/export", a).toString()).doesNotContain(b.id(), b.email());
        // Bob's checkout looks to Alice as if it did not exist; paying or failing it does nothing
        for (String path : List.of("", "/pay", "/fail")) {
            var method = path.isEmpty() ? HttpMethod.GET : HttpMethod.POST;
            assertProblem(web.method(method).uri("/api/memberships/sandbox/checkouts/" + bobsCheckout + path)
                    .header("Authorization", bearer(a)).exchange(), 404, "not-found");
        }
        assertThat(getJson("/api/memberships/me", b).get("status").asString()).isEqualTo("PENDING");
        // the admin API is closed to readers
        assertProblem(web.get().uri("/api/admin/members").header("Authorization", bearer(a)).exchange(), 403, "forbidden");
        assertProblem(web.post().uri("/api/admin/members/{id}/roles", a.id()).header("Authorization", bearer(a))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("roles", List.of("ADMIN"))).exchange(), 403,
                "forbidden");
        assertProblem(web.post().uri("/api/admin/members/{id}/complimentary", b.id()).header("Authorization", bearer(a))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("tier", "champion", "until", "2030-01-01T00:00:00Z"))
                .exchange(), 403, "forbidden");
        // Alice erasing "me" erases Alice, never Bob
        web.method(HttpMethod.DELETE).uri("/api/members/me").header("Authorization", bearer(a))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("password", b.password())).exchange()
                .expectStatus().isBadRequest();
        assertThat(getJson("/api/members/me", b).get("email").asString()).isEqualTo(b.email());
    }

    @Test
    void theFirstAdminGrantsRolesAndAnEditorGrantsAComplimentaryMembership() {
        var adminTokens = login("first-admin@newsroom.test", "first-admin-password");
        Account admin = new Account(null, "first-admin@newsroom.test", null, adminTokens.get("accessToken").asString(), null);
        Account editor = registerAndLogin("editor");
        Account reader = registerAndLogin("lucky");

        web.post().uri("/api/admin/members/{id}/roles", editor.id()).header("Authorization", bearer(admin))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("roles", List.of("EDITOR"))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.roles.length()").isEqualTo(2);
        assertProblem(web.post().uri("/api/admin/members/{id}/roles", editor.id()).header("Authorization", bearer(admin))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("roles", List.of("OWNER"))).exchange(), 400,
                "validation");
        Account asEditor = new Account(editor.id(), editor.email(), editor.password(),
                login(editor.email(), editor.password()).get("accessToken").asString(), null);

        String until = clock.instant().plus(Duration.ofDays(30)).toString();
        web.post().uri("/api/admin/members/{id}/complimentary", reader.id()).header("Authorization", bearer(asEditor))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("tier", "champion", "until", until)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("COMPLIMENTARY");
        assertProblem(web.post().uri("/api/admin/members/{id}/complimentary", reader.id())
                .header("Authorization", bearer(asEditor)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("tier", "nope")).exchange(), 400, "validation");
        assertProblem(web.post().uri("/api/admin/members/{id}/complimentary", "no-such-member")
                .header("Authorization", bearer(asEditor)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("tier", "coffee", "until", until)).exchange(), 404, "not-found");

        var records = eventsOf(reader.id(), 2);
        assertThat(types(records)).contains("org.newsroom.membership.activated.v1");
        MembershipFlowApiTest.assertKeepsTheContract(records.get(1));
        assertThat(json(KafkaProbe.value(records.get(1))).get("period").asString()).isEqualTo("COMPLIMENTARY");

        // the editor's list finds the complimentary member by status and tier, a page at a time
        var page = getJson("/api/admin/members?status=COMPLIMENTARY&tier=champion&limit=1", asEditor);
        assertThat(page.get("items").size()).isEqualTo(1);
        assertThat(page.toString()).contains(reader.id());
        var all = getJson("/api/admin/members?limit=2", asEditor);
        assertThat(all.get("items").size()).isEqualTo(2);
        String next = all.get("next").asString();
        var second = getJson("/api/admin/members?limit=2&cursor=" + next, asEditor);
        assertThat(second.get("items").get(0).get("id").asString()).isGreaterThan(next);
        assertProblem(web.get().uri("/api/admin/members?status=HAPPY&limit=0").header("Authorization", bearer(asEditor))
                .exchange(), 400, "validation");
        // editors do not grant roles
        assertProblem(web.post().uri("/api/admin/members/{id}/roles", reader.id()).header("Authorization", bearer(asEditor))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("roles", List.of("ADMIN"))).exchange(), 403,
                "forbidden");
    }

    @Test
    void statsCountPatronsByTierAndNobodyByName() {
        var before = json(web.get().uri("/api/memberships/stats").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
        Account a = registerAndLogin("counted");
        becomePatron(a, "co-creator");
        var after = json(web.get().uri("/api/memberships/stats").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
        assertThat(after.get("patrons").asLong()).isEqualTo(before.get("patrons").asLong() + 1);
        assertThat(after.get("tiers").get(1).get("id").asString()).isEqualTo("co-creator");
        assertThat(after.get("tiers").get(1).get("patrons").asLong())
                .isEqualTo(before.get("tiers").get(1).get("patrons").asLong() + 1);
        assertThat(after.toString()).doesNotContain(a.id());
    }

    @Test
    void aMemberExportsTheirDataAndErasesTheirAccount() {
        Account a = registerAndLogin("erasable");
        becomePatron(a, "coffee");
        var export = getJson("/api/members/me/export", a);
        assertThat(export.get("account").get("email").asString()).isEqualTo(a.email());
        assertThat(export.get("membership").get("status").asString()).isEqualTo("ACTIVE");
        assertThat(export.get("sessions").size()).isGreaterThanOrEqualTo(1);
        assertThat(export.toString()).doesNotContain("passwordHash", "{bcrypt}");

        assertProblem(web.method(HttpMethod.DELETE).uri("/api/members/me").header("Authorization", bearer(a))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("password", "wrong password")).exchange(), 400,
                "validation");
        web.method(HttpMethod.DELETE).uri("/api/members/me").header("Authorization", bearer(a))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("password", a.password())).exchange()
                .expectStatus().isNoContent();

        web.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", a.email(), "password", a.password())).exchange().expectStatus().isUnauthorized();
        assertProblem(web.post().uri("/api/auth/refresh").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("refreshToken", a.refreshToken())).exchange(), 401, "invalid-refresh-token");
        assertProblem(web.get().uri("/api/members/me").header("Authorization", bearer(a)).exchange(), 401, "unauthorized");

        var records = eventsOf(a.id(), 4);
        assertThat(types(records)).containsExactly("org.newsroom.membership.member-registered.v1",
                "org.newsroom.membership.activated.v1", "org.newsroom.membership.ended.v1",
                "org.newsroom.membership.member-erased.v1");
        records.forEach(MembershipFlowApiTest::assertKeepsTheContract);
        assertThat(json(KafkaProbe.value(records.get(2))).get("reason").asString()).isEqualTo("ERASED");
        // the same email can register afresh: the old account holds nothing of it
        web.post().uri("/api/auth/register").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", a.email(), "password", a.password(), "displayName", "Back"))
                .exchange().expectStatus().isCreated();
    }

    @Test
    void patreonPledgesMakeMatchingMembersPatronsOfTheTierTheyPayFor() {
        Account a = registerAndLogin("patreon");
        byte[] create = pledge(a.email(), 900);
        send("members:pledge:create", create, PatreonSignature.sign(create, "patreon_test"));
        send("members:pledge:create", create, PatreonSignature.sign(create, "patreon_test"));
        var me = getJson("/api/memberships/me", a);
        assertThat(me.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(me.get("tier").asString()).isEqualTo("co-creator");

        byte[] tampered = pledge(a.email(), 2500);
        web.post().uri("/api/webhooks/patreon").header("X-Patreon-Event", "members:pledge:update")
                .header("X-Patreon-Signature", PatreonSignature.sign(create, "patreon_test"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(tampered).exchange().expectStatus().isBadRequest();
        assertThat(getJson("/api/memberships/me", a).get("tier").asString()).isEqualTo("co-creator");

        byte[] delete = pledge(a.email(), 900);
        send("members:pledge:delete", delete, PatreonSignature.sign(delete, "patreon_test"));
        assertThat(getJson("/api/memberships/me", a).get("status").asString()).isEqualTo("ENDED");

        var records = KafkaProbe.readFor(TOPIC, KafkaProbe.withKey(a.id()), Duration.ofSeconds(3));
        assertThat(types(records)).containsExactly("org.newsroom.membership.member-registered.v1",
                "org.newsroom.membership.activated.v1", "org.newsroom.membership.ended.v1");
        assertThat(json(KafkaProbe.value(records.get(2))).get("reason").asString()).isEqualTo("PLEDGE_DELETED");
    }

    private void send(String event, byte[] body, String signature) {
        web.post().uri("/api/webhooks/patreon").header("X-Patreon-Event", event).header("X-Patreon-Signature", signature)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectStatus().isOk();
    }

    private static byte[] pledge(String email, int cents) {
        return ("{\"data\":{\"type\":\"member\",\"id\":\"pm-1\",\"attributes\":{\"email\":\"" + email.toUpperCase()
                + "\",\"currently_entitled_amount_cents\":" + cents + ",\"patron_status\":\"active_patron\"}}}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
