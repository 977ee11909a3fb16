package org.newsroom.article.commission.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class CommissionTest {

    static final Instant NOW = Instant.parse("2026-05-10T12:00:00Z");

    @Test
    void onePollGivesOneCommissionId() {
        assertThat(Commission.idForPoll("p1")).isEqualTo(Commission.idForPoll("p1"))
                .isNotEqualTo(Commission.idForPoll("p2"));
        assertThat(Commission.open("p1", "t1", "Title", 0.42, NOW).id()).isEqualTo(Commission.idForPoll("p1"));
    }

    @Test
    void goesFromOpenToAssignedToDelivered() {
        Commission open = Commission.open("p1", "t1", "Bus lanes", 0.42, NOW);
        assertThat(open.status()).isEqualTo(CommissionStatus.OPEN);
        Commission assigned = open.assign("Ada Reporter", NOW.plusSeconds(1));
        assertThat(assigned.status()).isEqualTo(CommissionStatus.ASSIGNED);
        assertThat(assigned.writer()).isEqualTo("Ada Reporter");
        Commission reassigned = assigned.assign("Bo Writer", NOW.plusSeconds(2));
        assertThat(reassigned.writer()).isEqualTo("Bo Writer");
        Commission delivered = reassigned.deliver("a1", "bus-lanes", NOW.plusSeconds(3));
        assertThat(delivered.status()).isEqualTo(CommissionStatus.DELIVERED);
        assertThat(delivered.articleId()).isEqualTo("a1");
        assertThat(delivered.writer()).isEqualTo("Bo Writer");
        assertThat(delivered.version()).isEqualTo(4);
        assertThatThrownBy(() -> delivered.assign("Cy", NOW)).isInstanceOf(IllegalStateException.class);
    }
}
