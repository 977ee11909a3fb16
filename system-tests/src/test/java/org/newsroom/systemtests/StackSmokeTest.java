package org.newsroom.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.newsroom.localstack.Part;
import org.newsroom.systemtests.NewsroomStack.Running;

/**
 * The stack starts as {@code ./newsroom up} starts it, every part runs as a process of its own and every
 * service answers through the gateway. (That stop leaves no process is checked when the run ends.)
 */
@ExtendWith(NewsroomStack.class)
class StackSmokeTest {

    @Test
    void everyPartRunsAsAProcessOfItsOwn(Running stack) {
        Map<Part, Long> pids = stack.stack().pidsByPart();
        assertThat(pids).containsOnlyKeys(Part.values());
        assertThat(pids.values()).doesNotHaveDuplicates().allSatisfy(pid -> assertThat(
                ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("process %d is alive", pid).isTrue());
    }

    @ParameterizedTest(name = "GET {0}")
    @ValueSource(strings = {"/api/memberships/tiers", "/api/articles", "/api/topics"})
    void eachServiceAnswersItsPublicListThroughTheGateway(String path, Running stack) {
        Answer answer = Gateway.fromNewAddress(stack.gatewayUrl()).get(path).expect(200);

        assertThat(answer.contentType()).startsWith("application/json");
        Map<String, Object> body = answer.json("$");
        assertThat(body).containsKey("items");
        assertThat(body.get("items")).isInstanceOf(List.class);
    }
}
