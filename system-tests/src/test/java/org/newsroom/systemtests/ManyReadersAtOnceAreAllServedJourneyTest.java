package org.newsroom.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.newsroom.systemtests.NewsroomStack.Running;

/**
 * Forty readers opening the same article at the same moment are all served: a busy evening is not an
 * outage. (Public reads; well within each reader's rate-limit budget.)
 */
@ExtendWith(NewsroomStack.class)
class ManyReadersAtOnceAreAllServedJourneyTest {

    private static final int READERS = 40;
    private static final int ROUNDS = 3;

    private static Gateway gateway;

    @BeforeAll
    static void client(Running stack) {
        gateway = Gateway.fromNewAddress(stack.gatewayUrl());
    }

    @AfterAll
    static void noServiceFailed() {
        gateway.assertNoServerErrors();
    }

    @Test
    void fortyReadersAtOnceAllGetTheArticle() {
        String path = "/api/articles/" + gateway.get("/api/articles").expect(200).<String>json("$.items[0].slug");
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (int round = 0; round < ROUNDS; round++) {
            List<CompletableFuture<HttpResponse<String>>> all = new ArrayList<>();
            for (int i = 0; i < READERS; i++) {
                all.add(gateway.http().sendAsync(gateway.request(path, null).GET().build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            for (CompletableFuture<HttpResponse<String>> answer : all) {
                statuses.merge(answer.join().statusCode(), 1, Integer::sum);
            }
        }
        assertThat(statuses).as("statuses of %d reads of %s", READERS * ROUNDS, path)
                .containsOnlyKeys(200);
    }
}
