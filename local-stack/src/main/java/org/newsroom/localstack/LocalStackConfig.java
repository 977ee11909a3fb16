package org.newsroom.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where the stack keeps its data, which ports it uses, which parts it starts and what extra environment
 * the apps get. Immutable; make one with {@link #builder(Path)}.
 */
public final class LocalStackConfig {

    /** The flags that let four Spring Boot apps start quickly and small on a laptop. */
    public static final List<String> LEAN_APP_FLAGS = List.of(
            "-Xms64m", "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k");

    /**
     * The gateway's flags: as lean, but with the full tiered JIT. Every request of every reader passes
     * through it, and with the quick compiler only it spent about two thirds more CPU per request.
     */
    public static final List<String> GATEWAY_FLAGS = List.of(
            "-Xms64m", "-Xmx256m", "-XX:+UseSerialGC", "-Xss512k");

    /** The JVM flags an app of the stack is started (and its class-data archive trained) with. */
    public static List<String> appFlags(Part app) {
        return app == Part.GATEWAY ? GATEWAY_FLAGS : LEAN_APP_FLAGS;
    }

    private final Path projectDir;
    private final Path dataDir;
    private final Map<Part, Integer> ports;
    private final Map<Part, Integer> secondPorts;
    private final Set<Part> parts;
    private final Map<String, String> extraEnv;
    private final String kafkaBootstrapServers;
    private final String mongodbUri;
    private final Duration readyTimeout;
    private final boolean classDataSharing;

    private LocalStackConfig(Builder b) {
        this.projectDir = b.projectDir.toAbsolutePath().normalize();
        this.dataDir = (b.dataDir != null ? b.dataDir : this.projectDir.resolve(".newsroom")).toAbsolutePath().normalize();
        this.ports = Collections.unmodifiableMap(new EnumMap<>(b.ports));
        this.secondPorts = Collections.unmodifiableMap(new EnumMap<>(b.secondPorts));
        this.parts = Collections.unmodifiableSet(EnumSet.copyOf(b.parts));
        this.extraEnv = Collections.unmodifiableMap(new LinkedHashMap<>(b.extraEnv));
        this.kafkaBootstrapServers = blankToNull(b.kafkaBootstrapServers);
        this.mongodbUri = blankToNull(b.mongodbUri);
        this.readyTimeout = b.readyTimeout;
        this.classDataSharing = b.classDataSharing;
    }

    public static Builder builder(Path projectDir) {
        return new Builder(projectDir);
    }

    /** The repository root: where the app modules' jars and local-stack/target/lib are. */
    public Path projectDir() {
        return projectDir;
    }

    /** Data, logs, pid files and class-data archives live here (default: {@code .newsroom} in the project). */
    public Path dataDir() {
        return dataDir;
    }

    public Path logDir() {
        return dataDir.resolve("logs");
    }

    public Path runDir() {
        return dataDir.resolve("run");
    }

    /** The HTTP port of an app, the client port of Kafka or the port of the MongoDB-wire server. */
    public int port(Part part) {
        return ports.get(part);
    }

    /** The management (actuator) port of an app. */
    public int managementPort(Part part) {
        if (!part.isApp()) {
            throw new IllegalArgumentException(part.id() + " has no management port");
        }
        return secondPorts.get(part);
    }

    public int kafkaControllerPort() {
        return secondPorts.get(Part.KAFKA);
    }

    /** The parts this stack runs; Kafka and MongoDB are left out when external ones are configured. */
    public Set<Part> parts() {
        return parts;
    }

    public boolean starts(Part part) {
        if (part == Part.KAFKA && kafkaBootstrapServers != null) {
            return false;
        }
        if (part == Part.MONGO && mongodbUri != null) {
            return false;
        }
        return parts.contains(part);
    }

    /** Environment added to every app's (after the standard variables, so it may override them). */
    public Map<String, String> extraEnv() {
        return extraEnv;
    }

    /** An external Kafka cluster to use instead of starting a broker. */
    public Optional<String> externalKafka() {
        return Optional.ofNullable(kafkaBootstrapServers);
    }

    /** An external MongoDB to use instead of starting the MongoDB-wire server. */
    public Optional<String> externalMongo() {
        return Optional.ofNullable(mongodbUri);
    }

    public String kafkaBootstrapServers() {
        return kafkaBootstrapServers != null ? kafkaBootstrapServers : "127.0.0.1:" + port(Part.KAFKA);
    }

    public String mongodbUri() {
        return mongodbUri != null ? mongodbUri : "mongodb://127.0.0.1:" + port(Part.MONGO);
    }

    public Duration readyTimeout() {
        return readyTimeout;
    }

    /** Whether apps start from AppCDS archives kept under {@code <data dir>/cds}. */
    public boolean classDataSharing() {
        return classDataSharing;
    }

    public String gatewayUrl() {
        return "http://localhost:" + port(Part.GATEWAY);
    }

    /** Every port the given part binds, with its name for messages. */
    Map<Integer, String> portsOf(Part part) {
        Map<Integer, String> result = new LinkedHashMap<>();
        result.put(port(part), part.isApp() ? "HTTP port" : "port");
        if (part != Part.MONGO) {
            result.put(secondPorts.get(part), part.secondPortName() + " port");
        }
        return result;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public static final class Builder {

        private final Path projectDir;
        private Path dataDir;
        private final Map<Part, Integer> ports = new EnumMap<>(Part.class);
        private final Map<Part, Integer> secondPorts = new EnumMap<>(Part.class);
        private Set<Part> parts = EnumSet.allOf(Part.class);
        private final Map<String, String> extraEnv = new LinkedHashMap<>();
        private String kafkaBootstrapServers;
        private String mongodbUri;
        private Duration readyTimeout = Duration.ofSeconds(120);
        private boolean classDataSharing = true;

        private Builder(Path projectDir) {
            this.projectDir = projectDir;
            for (Part part : Part.values()) {
                ports.put(part, part.defaultPort());
                secondPorts.put(part, part.defaultSecondPort());
            }
        }

        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        public Builder port(Part part, int port) {
            ports.put(part, port);
            return this;
        }

        public Builder managementPort(Part part, int port) {
            if (!part.isApp()) {
                throw new IllegalArgumentException(part.id() + " has no management port");
            }
            secondPorts.put(part, port);
            return this;
        }

        public Builder kafkaControllerPort(int port) {
            secondPorts.put(Part.KAFKA, port);
            return this;
        }

        /** Every port a free one chosen now, so that a stack already running on the defaults does not collide. */
        public Builder freePorts() {
            List<ServerSocket> held = new ArrayList<>();
            try {
                for (Part part : Part.values()) {
                    ports.put(part, holdFreePort(held));
                    if (part != Part.MONGO) {
                        secondPorts.put(part, holdFreePort(held));
                    }
                }
            } finally {
                for (ServerSocket socket : held) {
                    try {
                        socket.close();
                    } catch (IOException ignored) {
                        // closing a probe socket cannot lose anything
                    }
                }
            }
            return this;
        }

        public Builder parts(Set<Part> parts) {
            this.parts = parts.isEmpty() ? EnumSet.noneOf(Part.class) : EnumSet.copyOf(parts);
            return this;
        }

        public Builder env(String name, String value) {
            extraEnv.put(name, value);
            return this;
        }

        public Builder env(Map<String, String> env) {
            extraEnv.putAll(env);
            return this;
        }

        /** Use this Kafka instead of starting a broker (null or blank: start one). */
        public Builder kafkaBootstrapServers(String bootstrapServers) {
            this.kafkaBootstrapServers = bootstrapServers;
            return this;
        }

        /** Use this MongoDB instead of starting the MongoDB-wire server (null or blank: start one). */
        public Builder mongodbUri(String uri) {
            this.mongodbUri = uri;
            return this;
        }

        /** Takes {@code KAFKA_BOOTSTRAP_SERVERS} and {@code MONGODB_URI} from the given environment. */
        public Builder externalServicesFrom(Map<String, String> environment) {
            this.kafkaBootstrapServers = environment.get("KAFKA_BOOTSTRAP_SERVERS");
            this.mongodbUri = environment.get("MONGODB_URI");
            return this;
        }

        public Builder readyTimeout(Duration readyTimeout) {
            this.readyTimeout = readyTimeout;
            return this;
        }

        public Builder classDataSharing(boolean enabled) {
            this.classDataSharing = enabled;
            return this;
        }

        public LocalStackConfig build() {
            if (!Files.isDirectory(projectDir)) {
                throw new UncheckedIOException(new IOException("no project directory " + projectDir));
            }
            return new LocalStackConfig(this);
        }

        private static int holdFreePort(List<ServerSocket> held) {
            try {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                held.add(socket);
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException("no free port", e);
            }
        }
    }
}
