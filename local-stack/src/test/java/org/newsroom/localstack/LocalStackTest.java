package org.newsroom.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStackTest {

    @TempDir
    Path dataDir;

    private static Path projectDir() {
        return Path.of("").toAbsolutePath().getParent();
    }

    @Test
    void aTakenPortIsNamedWithItsPartAndNothingStarts() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            LocalStackConfig config = LocalStackConfig.builder(projectDir())
                    .dataDir(dataDir)
                    .freePorts()
                    .managementPort(Part.ARTICLE, taken.getLocalPort())
                    .build();
            LocalStack stack = new LocalStack(config);

            assertThatThrownBy(stack::start)
                    .isInstanceOf(PortInUseException.class)
                    .hasMessageContaining("Port " + taken.getLocalPort())
                    .hasMessageContaining("article-service management port");
            assertThat(stack.pids()).isEmpty();
            assertThat(dataDir.resolve("run")).doesNotExist();
        }
    }

    @Test
    void freePortsAreAllDifferent() {
        LocalStackConfig config = LocalStackConfig.builder(projectDir()).dataDir(dataDir).freePorts().build();
        Set<Integer> ports = new HashSet<>();
        for (Part part : Part.values()) {
            ports.addAll(config.portsOf(part).keySet());
        }
        assertThat(ports).hasSize(11).doesNotContain(8080, 9092, 27017);
    }

    @Test
    void externalKafkaAndMongoAreUsedInsteadOfStartingThem() {
        LocalStackConfig config = LocalStackConfig.builder(projectDir())
                .dataDir(dataDir)
                .kafkaBootstrapServers("kafka.example:9092")
                .mongodbUri("mongodb://mongo.example:27017")
                .build();
        LocalStack stack = new LocalStack(config);

        assertThat(config.starts(Part.KAFKA)).isFalse();
        assertThat(config.starts(Part.MONGO)).isFalse();
        assertThat(config.starts(Part.GATEWAY)).isTrue();
        assertThat(stack.appEnvironment(Part.VOTING))
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka.example:9092")
                .containsEntry("MONGODB_URI", "mongodb://mongo.example:27017");
    }

    @Test
    void appsAreConfiguredByTheConventionalVariablesAndExtraEnvironment() {
        LocalStackConfig config = LocalStackConfig.builder(projectDir())
                .dataDir(dataDir)
                .env("NEWSROOM_SANDBOX_ENABLED", "true")
                .build();

        assertThat(new LocalStack(config).appEnvironment(Part.GATEWAY))
                .containsEntry("SERVER_PORT", "8080")
                .containsEntry("MANAGEMENT_SERVER_PORT", "9080")
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092")
                .containsEntry("MONGODB_URI", "mongodb://127.0.0.1:27017")
                .containsEntry("NEWSROOM_JWT_ISSUER", "http://localhost:8080")
                .containsEntry("NEWSROOM_JWKS_URI", "http://127.0.0.1:8081/.well-known/jwks.json")
                .containsEntry("MEMBERSHIP_SERVICE_URL", "http://127.0.0.1:8081")
                .containsEntry("ARTICLE_SERVICE_URL", "http://127.0.0.1:8082")
                .containsEntry("VOTING_SERVICE_URL", "http://127.0.0.1:8083")
                .containsEntry("NEWSROOM_SANDBOX_ENABLED", "true");
    }

    @Test
    void aStalePidFileIsNotMistakenForARunningStack() throws Exception {
        Files.createDirectories(dataDir.resolve("run"));
        // this JVM is alive but is not the broker
        Files.writeString(dataDir.resolve("run/kafka.pid"), Long.toString(ProcessHandle.current().pid()));

        List<LocalStack.PartStatus> status = LocalStack.status(dataDir);

        assertThat(status).noneMatch(LocalStack.PartStatus::running);
        assertThat(LocalStack.stopRunning(dataDir)).isFalse();
        assertThat(ProcessHandle.current().isAlive()).isTrue();
    }

    @Test
    void partsCanBeLeftOut() {
        LocalStackConfig config = LocalStackConfig.builder(projectDir())
                .dataDir(dataDir)
                .parts(EnumSet.of(Part.KAFKA, Part.MONGO))
                .build();
        assertThat(config.starts(Part.GATEWAY)).isFalse();
        assertThat(config.starts(Part.KAFKA)).isTrue();
    }
}
