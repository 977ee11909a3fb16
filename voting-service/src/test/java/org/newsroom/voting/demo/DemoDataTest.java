package org.newsroom.voting.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.newsroom.defaults.test.ServiceTest;
import org.newsroom.voting.VotingTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

@ServiceTest
@Import(VotingTestSupport.TestClock.class)
@TestPropertySource(properties = "newsroom.demo.enabled=true")
class DemoDataTest extends VotingTestSupport {

    @Autowired
    DemoData demo;

    @Test
    void theDemoHasApprovedTopicsAndAnOpenPollAndLoadingAgainChangesNothing() {
        await().atMost(Duration.ofSeconds(20)).until(() -> ((List<?>) get("/api/polls?status=open").get("items"))
                .stream().anyMatch(p -> DemoData.POLL_ID.equals(((Map<?, ?>) p).get("id"))));
        assertThat(get("/api/topics/demo-topic-1").get("status")).isEqualTo("ON_BALLOT");
        assertThat(get("/api/topics/demo-topic-4").get("status")).isEqualTo("APPROVED");
        demo.load();
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertThat(((List<?>) get("/api/topics?limit=100").get("items"))).hasSize(4);
        assertThat(((List<?>) get("/api/polls").get("items"))).hasSize(1);
        events("org.newsroom.voting.poll-opened.v1", DemoData.POLL_ID, 1);
    }
}
