package org.newsroom.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What an editor does in the journeys: publish articles, moderate topics, open and close polls. */
record Editor(Person person) {

    static Editor demo(Gateway gateway) {
        return new Editor(Person.demo(gateway, "editor"));
    }

    /** Writes and publishes an article; returns the editorial answer of the publish. */
    Answer publish(String title, String body, String visibility, String topicId) {
        Map<String, Object> draft = new HashMap<>();
        draft.put("title", title);
        draft.put("dek", "A story our journeys wrote.");
        draft.put("body", body);
        draft.put("tags", List.of("journeys"));
        draft.put("authors", List.of("Journey Desk"));
        draft.put("visibility", visibility);
        draft.put("topicId", topicId);
        Answer created = person.post("/api/editorial/articles", draft).expect(201);
        assertThat(created.text("$.status")).isEqualTo("DRAFT");
        Answer published = person.post("/api/editorial/articles/" + created.text("$.id") + "/publish", null).expect(200);
        assertThat(published.text("$.status")).isEqualTo("PUBLISHED");
        return published;
    }

    Answer approve(String topicId) {
        Answer approved = person.post("/api/editorial/topics/" + topicId + "/approve", null).expect(200);
        assertThat(approved.text("$.status")).isEqualTo("APPROVED");
        return approved;
    }

    /** A single-choice poll, equal weights, live tallies, open now to every paid tier, closing in an hour. */
    Answer openPoll(String title, List<String> topicIds) {
        Instant now = Instant.now();
        Map<String, Object> poll = new HashMap<>();
        poll.put("title", title);
        poll.put("topicIds", topicIds);
        poll.put("opensAt", now.minusSeconds(1).toString());
        poll.put("closesAt", now.plusSeconds(3600).toString());
        poll.put("rule", "SINGLE");
        poll.put("maxChoices", 1);
        poll.put("weighting", "EQUAL");
        poll.put("resultsVisibility", "LIVE");
        poll.put("eligibleTiers", List.of());
        Answer opened = person.post("/api/editorial/polls", poll).expect(201);
        assertThat(opened.text("$.status")).isEqualTo("OPEN");
        return opened;
    }
}
