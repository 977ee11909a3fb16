package org.newsroom.defaults.test;

import java.util.Map;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The real Kafka broker and MongoDB server that the tests of one JVM share, each started once, on
 * first use, and stopped when the JVM ends.
 * <ul>
 * <li>{@code KAFKA_BOOTSTRAP_SERVERS} / {@code MONGODB_URI} set: those are used, nothing starts.</li>
 * <li>{@code -Dnewsroom.test.containers=true} (or {@code NEWSROOM_TEST_CONTAINERS=true}) where
 * Docker runs: Testcontainers' Kafka and MongoDB.</li>
 * <li>Otherwise: a KRaft Kafka broker in this JVM and the MongoDB-wire server in memory.</li>
 * </ul>
 */
public final class SharedInfrastructure {

    public static final int PARTITIONS = 6;

    private static volatile String kafka;
    private static volatile String mongo;

    private SharedInfrastructure() {
    }

    public static String kafkaBootstrapServers() {
        if (kafka == null) {
            synchronized (SharedInfrastructure.class) {
                if (kafka == null) {
                    kafka = startKafka();
                }
            }
        }
        return kafka;
    }

    public static String mongoUri() {
        if (mongo == null) {
            synchronized (SharedInfrastructure.class) {
                if (mongo == null) {
                    mongo = startMongo();
                }
            }
        }
        return mongo;
    }

    static boolean containersWanted() {
        return Boolean.parseBoolean(System.getProperty("newsroom.test.containers",
                System.getenv().getOrDefault("NEWSROOM_TEST_CONTAINERS", "false")));
    }

    private static String startKafka() {
        String given = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        if (given != null && !given.isBlank()) {
            return given;
        }
        if (containersWanted()) {
            return Containers.kafka();
        }
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, PARTITIONS);
        broker.brokerProperties(Map.of(
                "num.partitions", String.valueOf(PARTITIONS),
                "auto.create.topics.enable", "true",
                "group.initial.rebalance.delay.ms", "0",
                "offsets.topic.num.partitions", "6"));
        broker.afterPropertiesSet();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "kafka-test-broker-stop"));
        return broker.getBrokersAsString();
    }

    private static String startMongo() {
        String given = System.getenv("MONGODB_URI");
        if (given != null && !given.isBlank()) {
            return given;
        }
        if (containersWanted()) {
            return Containers.mongo();
        }
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "mongo-test-server-stop"));
        return "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
    }

    /** Kept apart so that the Testcontainers classes load only when containers are asked for. */
    private static final class Containers {

        static String kafka() {
            var container = new org.testcontainers.kafka.KafkaContainer("apache/kafka:4.1.2");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            return container.getBootstrapServers();
        }

        static String mongo() {
            var container = new org.testcontainers.mongodb.MongoDBContainer("mongo:8.0");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            return container.getConnectionString();
        }
    }
}
