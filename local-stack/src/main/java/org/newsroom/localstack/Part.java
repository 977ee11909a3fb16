package org.newsroom.localstack;

import java.util.List;

/** One process of the local stack, in start order. */
public enum Part {

    KAFKA("kafka", 9092, 9093),
    MONGO("mongo", 27017, 0),
    MEMBERSHIP("membership-service", 8081, 9081),
    ARTICLE("article-service", 8082, 9082),
    VOTING("voting-service", 8083, 9083),
    GATEWAY("gateway", 8080, 9080);

    /** The three services, which need Kafka and MongoDB. */
    public static final List<Part> SERVICES = List.of(MEMBERSHIP, ARTICLE, VOTING);

    private final String id;
    private final int defaultPort;
    private final int defaultSecondPort;

    Part(String id, int defaultPort, int defaultSecondPort) {
        this.id = id;
        this.defaultPort = defaultPort;
        this.defaultSecondPort = defaultSecondPort;
    }

    /** The name used for logs, pid files and the Maven module of an app. */
    public String id() {
        return id;
    }

    /** A Spring Boot application built from the module of the same name. */
    public boolean isApp() {
        return this != KAFKA && this != MONGO;
    }

    int defaultPort() {
        return defaultPort;
    }

    /** The management port of an app, the controller port of Kafka, none for MongoDB. */
    int defaultSecondPort() {
        return defaultSecondPort;
    }

    /** What the second port is called in messages. */
    String secondPortName() {
        return this == KAFKA ? "controller" : "management";
    }

    public static Part byId(String id) {
        for (Part part : values()) {
            if (part.id.equals(id)) {
                return part;
            }
        }
        throw new IllegalArgumentException("no part named " + id);
    }
}
