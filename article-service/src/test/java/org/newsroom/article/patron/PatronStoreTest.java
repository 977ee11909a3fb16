package org.newsroom.article.patron;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.newsroom.article.api.ArticleServiceTest;
import org.springframework.beans.factory.annotation.Autowired;

@ArticleServiceTest
class PatronStoreTest {

    @Autowired
    PatronStore patrons;

    @Test
    void onlyNewerMembershipVersionsAreAppliedAndErasureIsFinal() {
        String member = "m-" + UUID.randomUUID();
        Instant end = Instant.now().plusSeconds(3600);
        assertThat(patrons.applyMembership(member, 2, "ACTIVE", "Supporter", end, null).block()).isTrue();
        assertThat(patrons.isPatron(member).block()).isTrue();
        assertThat(patrons.applyMembership(member, 1, "LAPSED", "Supporter", end, null).block()).as("older").isFalse();
        assertThat(patrons.applyMembership(member, 2, "LAPSED", "Supporter", end, null).block()).as("same").isFalse();
        assertThat(patrons.isPatron(member).block()).isTrue();
        assertThat(patrons.applyMembership(member, 3, "LAPSED", "Supporter", end, null).block()).isTrue();
        assertThat(patrons.isPatron(member).block()).isFalse();

        assertThat(patrons.erase(member, 10).block()).isTrue();
        assertThat(patrons.erase(member, 10).block()).as("repeated erasure").isFalse();
        assertThat(patrons.applyMembership(member, 11, "ACTIVE", "Supporter", end, null).block()).isFalse();
        assertThat(patrons.isPatron(member).block()).isFalse();
    }

    @Test
    void unknownMembersAndAnonymousCallersAreNotPatrons() {
        assertThat(patrons.isPatron("nobody-" + UUID.randomUUID()).block()).isFalse();
        assertThat(patrons.isPatron(null).block()).isFalse();
    }
}
