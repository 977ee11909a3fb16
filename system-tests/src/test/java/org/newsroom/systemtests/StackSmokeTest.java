package org.newsroom.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.newsroom.localstack.LocalStack;

/** The stack starts as {@code ./newsroom up} starts it, every service answers through the gateway, and stop leaves nothing. */
class StackSmokeTest {

    private static LocalStack stack;
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeAll
    static void startTheStack() {
        stack = RunningStack.start();
        System.out.printf("Newsroom stack ready in %.1f s, %d MB resident, gateway %s%n",
                stack.startupTime().toMillis() / 1000.0, stack.totalRssKb() / 1024, stack.gatewayUrl());
    }

    @AfterAll
    static void stopTheStackAndLeaveNoProcessBehind() {
        if (stack == null) {
            return;
        }
        List<Long> pids = stack.pids();
        stack.stop();
        assertThat(pids).as("pids of the stack's processes").hasSize(6);
        assertThat(pids).allSatisfy(pid -> assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                .as("process %d is alive after stop()", pid)
                .isFalse());
    }

    @ParameterizedTest(name = "GET {0}")
    @ValueSource(strings = {"/api/memberships/tiers", "/api/articles", "/api/topics"})
    void eachServiceAnswersItsPublicListThroughTheGateway(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
                        .header("Accept", "application/json")
                        .timeout(Duration.ofSeconds(10))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as("status of GET %s: %s", path, response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        Map<String, Object> body = JsonPath.read(response.body(), "$");
        assertThat(body).containsKey("items");
        assertThat(body.get("items")).isInstanceOf(List.class);
    }
}
