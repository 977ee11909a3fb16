package org.newsroom.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;

/** A single Kafka broker in KRaft combined mode, with its data under {@code <data dir>/kafka}. */
final class KafkaBroker {

    /** One topic per producing service. */
    static final List<String> TOPICS = List.of("newsroom.membership.v1", "newsroom.article.v1", "newsroom.voting.v1");
    static final int PARTITIONS = 6;

    private final Path home;
    private final int port;
    private final int controllerPort;

    KafkaBroker(Path dataDir, int port, int controllerPort) {
        this.home = dataDir.resolve("kafka");
        this.port = port;
        this.controllerPort = controllerPort;
    }

    Path logDir() {
        return home.resolve("data");
    }

    Path serverProperties() {
        return home.resolve("server.properties");
    }

    /** Rewritten at every start, so that the ports may change between runs; the cluster id stays in the log dir. */
    void writeServerProperties() throws IOException {
        Files.createDirectories(logDir());
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", logDir().toString());
        p.setProperty("num.partitions", Integer.toString(PARTITIONS));
        p.setProperty("default.replication.factor", "1");
        p.setProperty("min.insync.replicas", "1");
        // one broker: every internal topic has one replica
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", Integer.toString(PARTITIONS));
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("auto.create.topics.enable", "true");
        // a laptop, not a cluster: small segments, a week of history
        p.setProperty("log.segment.bytes", Integer.toString(64 * 1024 * 1024));
        p.setProperty("log.retention.hours", "168");
        p.setProperty("num.network.threads", "2");
        p.setProperty("num.io.threads", "2");
        p.setProperty("background.threads", "2");
        try (var out = Files.newBufferedWriter(serverProperties())) {
            p.store(out, "Newsroom local stack: written by LocalStack at every start");
        }
    }

    /** Whether the log dir has been formatted (StorageTool writes meta.properties there). */
    boolean isFormatted() {
        return Files.isRegularFile(logDir().resolve("meta.properties"));
    }

    List<String> formatArguments() {
        return List.of("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(),
                "-c", serverProperties().toString());
    }

    List<String> serverArguments() {
        return List.of("kafka.Kafka", serverProperties().toString());
    }

    /** Creates the Newsroom topics; ones that exist already are left as they are. */
    static void createTopics(String bootstrapServers, Instant deadline, ProcessHandle broker) {
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
        try (Admin admin = Admin.create(config)) {
            List<NewTopic> wanted = new ArrayList<>();
            for (String topic : TOPICS) {
                wanted.add(new NewTopic(topic, PARTITIONS, (short) 1));
            }
            while (true) {
                try {
                    var result = admin.createTopics(wanted);
                    for (var entry : result.values().entrySet()) {
                        try {
                            entry.getValue().get(remaining(deadline), TimeUnit.MILLISECONDS);
                        } catch (ExecutionException e) {
                            if (!(e.getCause() instanceof TopicExistsException)) {
                                throw e;
                            }
                        }
                    }
                    return;
                } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                    if (Instant.now().isAfter(deadline) || (broker != null && !broker.isAlive())) {
                        throw new LocalStackException("could not create the Kafka topics at " + bootstrapServers
                                + ": " + (e.getCause() != null ? e.getCause() : e), e);
                    }
                    sleep(Duration.ofMillis(250));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalStackException("interrupted while creating the Kafka topics", e);
        }
    }

    private static long remaining(Instant deadline) {
        return Math.max(1, Duration.between(Instant.now(), deadline).toMillis());
    }

    private static void sleep(Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis());
    }
}
