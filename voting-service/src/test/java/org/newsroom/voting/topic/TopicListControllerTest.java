package org.newsroom.voting.topic;

import java.time.Instant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

class TopicListControllerTest {

    static MongoServer server;
    static MongoClient client;
    static WebTestClient web;

    @BeforeAll
    static void start() {
        server = new MongoServer(new MemoryBackend());
        String uri = server.bindAndGetConnectionString();
        client = MongoClients.create(uri);
        ReactiveMongoTemplate mongo = new ReactiveMongoTemplate(client, "voting");
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        mongo.insert(TopicDocument.of(Topic.propose("t1", "Rents in the old town", "Why?", "m1", t)), "topics").block();
        mongo.insert(TopicDocument.of(Topic.propose("t2", "Bus line 7", "", "m1", t).approve()), "topics").block();
        mongo.insert(TopicDocument.of(Topic.propose("t3", "River water quality", "", "m2", t).approve()), "topics")
                .block();
        web = WebTestClient.bindToController(new TopicController(new TopicStore(mongo))).build();
    }

    @AfterAll
    static void stop() {
        client.close();
        server.shutdown();
    }

    @Test
    void listsTopicsNewestFirstWithTheFinalShape() {
        web.get().uri("/api/topics").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(3)
                .jsonPath("$.items[0].id").isEqualTo("t3")
                .jsonPath("$.items[0].title").isEqualTo("River water quality")
                .jsonPath("$.items[0].description").isEqualTo("")
                .jsonPath("$.items[0].status").isEqualTo("APPROVED")
                .jsonPath("$.next").isEmpty();
    }

    @Test
    void filtersByStatusAndPages() {
        web.get().uri("/api/topics?status=approved&limit=1").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].id").isEqualTo("t3")
                .jsonPath("$.next").isEqualTo("t3");
        web.get().uri("/api/topics?status=APPROVED&limit=1&cursor=t3").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.items[0].id").isEqualTo("t2")
                .jsonPath("$.next").isEmpty();
        web.get().uri("/api/topics?status=PROPOSED").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].id").isEqualTo("t1");
    }
}
