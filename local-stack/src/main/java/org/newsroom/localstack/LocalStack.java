package org.newsroom.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * The embedded default: a Kafka broker, a MongoDB-wire server and the four apps, each a process of its
 * own, configured only by environment variables. Used by {@code ./newsroom} and by the system tests.
 *
 * <pre>{@code
 * try (LocalStack stack = new LocalStack(LocalStackConfig.builder(projectDir).dataDir(tmp).freePorts().build())) {
 *     stack.start();
 *     ... stack.gatewayUrl() ...
 * }
 * }</pre>
 */
public final class LocalStack implements AutoCloseable {

    /** Written next to the pid files so that {@code status} knows the ports of a stack started elsewhere. */
    static final String STACK_FILE = "stack.properties";

    private static final List<String> KAFKA_JVM_FLAGS = List.of(
            "-Xms64m", "-Xmx320m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k",
            "-Djava.awt.headless=true");
    private static final List<String> MONGO_JVM_FLAGS = List.of(
            "-Xms32m", "-Xmx192m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k");
    private static final Duration REFUSAL_PATIENCE = Duration.ofSeconds(10);
    private static final Duration APP_STOP_GRACE = Duration.ofSeconds(20);
    private static final Duration INFRA_STOP_GRACE = Duration.ofSeconds(30);

    private final LocalStackConfig config;
    private final List<PartProcess> running = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final Object lifecycle = new Object();
    private final Thread safetyNet = new Thread(this::stop, "local-stack-stop");
    private final Map<Part, Instant> refusedSince = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<Part, String> lastReadinessAnswer = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile boolean stopRequested;
    private Duration startupTime = Duration.ZERO;
    private Duration classDataPreparation = Duration.ZERO;
    /** How each app was launched by the last {@link #start()}, so that {@link #startPart(Part)} launches it the same way. */
    private volatile Map<Part, ClassDataArchives.Launch> launches = Map.of();

    public LocalStack(LocalStackConfig config) {
        this.config = config;
    }

    public LocalStackConfig config() {
        return config;
    }

    /**
     * Starts every configured part and returns once all are ready. On any failure everything started so far is
     * stopped again and a {@link LocalStackException} says which part failed, with the end of its log.
     */
    public synchronized void start() {
        if (!running.isEmpty()) {
            throw new IllegalStateException("already started");
        }
        stopRequested = false;
        Instant began = Instant.now();
        Instant deadline = began.plus(config.readyTimeout());
        classDataPreparation = Duration.ZERO;
        failIfAlreadyRunning(config.dataDir());
        checkPorts();
        Map<Part, Path> jars = findAppJars();
        Path lib = requireLibDir();
        createDirectories();
        // whatever ends this JVM, the parts (each in a session of its own) must not outlive it
        try {
            Runtime.getRuntime().addShutdownHook(safetyNet);
        } catch (IllegalArgumentException alreadyRegistered) {
            // started before
        }
        writeStackFile();
        try {
            PartProcess kafka = config.starts(Part.KAFKA) ? startKafka(lib, deadline) : null;
            PartProcess mongo = config.starts(Part.MONGO) ? startMongo(lib) : null;

            Map<Part, ClassDataArchives.Launch> launches = prepareLaunches(jars, deadline);
            this.launches = Map.copyOf(launches);
            if (!classDataPreparation.isZero()) {
                // building archives is a one-off after a build; it does not eat into the time to get ready
                deadline = Instant.now().plus(config.readyTimeout());
            }

            // the gateway needs neither Kafka nor MongoDB: let it start while they do
            List<PartProcess> apps = new ArrayList<>();
            if (config.starts(Part.GATEWAY)) {
                apps.add(startApp(Part.GATEWAY, launches.get(Part.GATEWAY)));
            }
            if (kafka != null) {
                waitForPort(kafka, config.port(Part.KAFKA), deadline);
            }
            boolean anyService = Part.SERVICES.stream().anyMatch(config::starts);
            if (anyService && (kafka != null || config.externalKafka().isPresent())) {
                createTopics(kafka, deadline);
            }
            if (mongo != null) {
                waitForPort(mongo, config.port(Part.MONGO), deadline);
            }
            for (Part service : Part.SERVICES) {
                if (config.starts(service)) {
                    apps.add(startApp(service, launches.get(service)));
                }
            }
            waitUntilReady(apps, deadline);
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
        startupTime = Duration.between(began, Instant.now());
    }

    /**
     * Stops every part, the gateway first and Kafka last: SIGTERM, a grace period, then SIGKILL. May be called
     * from another thread while {@link #start()} runs (Ctrl-C during start-up): start then fails.
     */
    public void stop() {
        stopRequested = true;
        synchronized (lifecycle) {
            stopAll();
        }
    }

    /**
     * Stops one app (SIGTERM, a grace period, then SIGKILL) and leaves every other part running, so that one
     * can see what users get while that part is down. {@link #startPart(Part)} starts it again.
     *
     * @throws IllegalArgumentException for Kafka and the MongoDB-wire server, which the apps need to be up
     * @throws IllegalStateException when this stack does not run that app now
     */
    public void stopPart(Part app) {
        requireApp(app);
        PartProcess process;
        synchronized (lifecycle) {
            process = running.stream().filter(p -> p.part() == app).findFirst()
                    .orElseThrow(() -> new IllegalStateException(app.id() + " is not running in this stack"));
            running.remove(process);
        }
        process.stop(APP_STOP_GRACE);
    }

    /**
     * Starts again an app stopped with {@link #stopPart(Part)}, on the same ports and with the same environment,
     * and returns once it is ready. If it does not get ready, it is stopped again and a {@link LocalStackException}
     * says why.
     */
    public void startPart(Part app) {
        requireApp(app);
        ClassDataArchives.Launch launch = launches.get(app);
        if (launch == null || !config.starts(app)) {
            throw new IllegalStateException(app.id() + " was not started by this stack");
        }
        if (running.stream().anyMatch(p -> p.part() == app)) {
            throw new IllegalStateException(app.id() + " is running already");
        }
        if (running.isEmpty()) {
            throw new IllegalStateException("the stack is stopped; start() it first");
        }
        PartProcess process = startApp(app, launch);
        try {
            waitUntilReady(List.of(process), Instant.now().plus(config.readyTimeout()));
        } catch (RuntimeException e) {
            running.remove(process);
            process.stop(APP_STOP_GRACE);
            throw e;
        }
    }

    private static void requireApp(Part part) {
        if (!part.isApp()) {
            throw new IllegalArgumentException(part.id() + " cannot be stopped on its own: the services need it");
        }
    }

    private void stopAll() {
        List<List<Part>> order = List.of(
                List.of(Part.GATEWAY),
                List.of(Part.VOTING, Part.ARTICLE, Part.MEMBERSHIP),
                List.of(Part.MONGO, Part.KAFKA));
        for (List<Part> group : order) {
            List<Thread> stopping = new ArrayList<>();
            for (PartProcess process : running) {
                if (group.contains(process.part())) {
                    Duration grace = process.part().isApp() ? APP_STOP_GRACE : INFRA_STOP_GRACE;
                    Thread t = new Thread(() -> process.stop(grace), "stop-" + process.part().id());
                    t.start();
                    stopping.add(t);
                }
            }
            for (Thread t : stopping) {
                joinUninterruptibly(t);
            }
        }
        running.clear();
        if (Thread.currentThread() != safetyNet) {
            try {
                Runtime.getRuntime().removeShutdownHook(safetyNet);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway and finds nothing left to stop
            }
        }
        try {
            Files.deleteIfExists(config.runDir().resolve(STACK_FILE));
        } catch (IOException ignored) {
            // status treats a stack file without live pids as stopped
        }
    }

    @Override
    public void close() {
        stop();
    }

    public String gatewayUrl() {
        return config.gatewayUrl();
    }

    /** How long the last {@link #start()} took until every part was ready. */
    public Duration startupTime() {
        return startupTime;
    }

    /** The part of {@link #startupTime()} spent building class-data archives (after a new build only). */
    public Duration classDataPreparation() {
        return classDataPreparation;
    }

    /** The pids of the processes this stack started and has not stopped yet. */
    public List<Long> pids() {
        return running.stream().map(PartProcess::pid).toList();
    }

    /** Pid by part, for the parts this stack started. */
    public Map<Part, Long> pidsByPart() {
        Map<Part, Long> result = new LinkedHashMap<>();
        running.forEach(p -> result.put(p.part(), p.pid()));
        return result;
    }

    /** Resident memory of all the stack's processes together, in kB (from /proc/<pid>/status). */
    public long totalRssKb() {
        return running.stream().mapToLong(PartProcess::rssKb).sum();
    }

    /** What runs now. */
    public List<PartStatus> status() {
        return status(config.dataDir());
    }

    /** One line of {@code ./newsroom status}. */
    public record PartStatus(Part part, Optional<Long> pid, List<Integer> ports, long rssKb) {

        public boolean running() {
            return pid.isPresent();
        }
    }

    /** What runs from the given data dir, read from its pid files (works from any process). */
    public static List<PartStatus> status(Path dataDir) {
        Path runDir = dataDir.resolve("run");
        Properties ports = readStackFile(runDir);
        List<PartStatus> result = new ArrayList<>();
        for (Part part : Part.values()) {
            Optional<ProcessHandle> handle = PartProcess.fromPidFile(runDir.resolve(part.id() + ".pid"), part.id());
            List<Integer> partPorts = new ArrayList<>();
            for (String key : List.of(part.id() + ".port", part.id() + ".port2")) {
                String value = ports.getProperty(key);
                if (value != null) {
                    partPorts.add(Integer.parseInt(value));
                }
            }
            result.add(new PartStatus(part, handle.map(ProcessHandle::pid), partPorts,
                    handle.map(h -> PartProcess.rssKb(h.pid())).orElse(0L)));
        }
        return result;
    }

    /** The gateway URL of the stack running from the given data dir, if one runs. */
    public static Optional<String> runningGatewayUrl(Path dataDir) {
        return Optional.ofNullable(readStackFile(dataDir.resolve("run")).getProperty("gateway.url"));
    }

    /**
     * Stops a stack started by another process from the given data dir: asks its supervising process
     * ({@code run/newsroom.pid}) to stop in order, then stops whatever part is still alive.
     *
     * @return whether anything was running
     */
    public static boolean stopRunning(Path dataDir) {
        Path runDir = dataDir.resolve("run");
        boolean any = false;
        Optional<ProcessHandle> supervisor = PartProcess.fromPidFile(runDir.resolve("newsroom.pid"), "cli");
        if (supervisor.isPresent()) {
            any = true;
            PartProcess.stop(supervisor.get(), Duration.ofSeconds(90));
        }
        List<Part> reverse = new ArrayList<>(List.of(Part.values()));
        Collections.reverse(reverse);
        for (Part part : reverse) {
            Path pidFile = runDir.resolve(part.id() + ".pid");
            Optional<ProcessHandle> handle = PartProcess.fromPidFile(pidFile, part.id());
            if (handle.isPresent()) {
                any = true;
                PartProcess.stop(handle.get(), part.isApp() ? APP_STOP_GRACE : INFRA_STOP_GRACE);
            }
            deleteQuietly(pidFile);
        }
        deleteQuietly(runDir.resolve("newsroom.pid"));
        deleteQuietly(runDir.resolve(STACK_FILE));
        return any;
    }

    /** Refuses to start a second stack on the same data dir (Kafka's and H2's files allow one user). */
    static void failIfAlreadyRunning(Path dataDir) {
        for (PartStatus status : status(dataDir)) {
            if (status.running()) {
                throw new LocalStackException("Newsroom is already running from " + dataDir + " ("
                        + status.part().id() + " has pid " + status.pid().get() + "). Stop it with ./newsroom down.");
            }
        }
    }

    // --- starting ---

    private PartProcess startKafka(Path lib, Instant deadline) {
        KafkaBroker broker = new KafkaBroker(config.dataDir(), config.port(Part.KAFKA), config.kafkaControllerPort());
        try {
            broker.writeServerProperties();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + broker.serverProperties(), e);
        }
        Path log4j = writeLog4jConfig();
        List<String> jvm = new ArrayList<>(KAFKA_JVM_FLAGS);
        jvm.add("-Dlog4j2.configurationFile=" + log4j);
        jvm.add("-Dkafka.logs.dir=" + config.logDir());
        if (!broker.isFormatted()) {
            List<String> format = javaCommand(jvm, "kafka-format", classpath(lib), broker.formatArguments());
            runToCompletion(Part.KAFKA, format, deadline);
        }
        return launch(Part.KAFKA, javaCommand(jvm, Part.KAFKA.id(), classpath(lib), broker.serverArguments()), Map.of());
    }

    private PartProcess startMongo(Path lib) {
        List<String> jvm = new ArrayList<>(MONGO_JVM_FLAGS);
        jvm.add("-Dlog4j2.configurationFile=" + writeLog4jConfig());
        Path store = config.dataDir().resolve("mongo").resolve("newsroom.mv");
        List<String> args = List.of(MongoWireServer.class.getName(), Integer.toString(config.port(Part.MONGO)), store.toString());
        return launch(Part.MONGO, javaCommand(jvm, Part.MONGO.id(), classpath(lib), args), Map.of());
    }

    private Map<Part, ClassDataArchives.Launch> prepareLaunches(Map<Part, Path> jars, Instant deadline) {
        Map<Part, ClassDataArchives.Launch> launches = new LinkedHashMap<>();
        if (!config.classDataSharing()) {
            jars.forEach((part, jar) -> launches.put(part, ClassDataArchives.Launch.plain(jar)));
            return launches;
        }
        Instant began = Instant.now();
        ClassDataArchives archives = new ClassDataArchives(config.dataDir().resolve("cds"), javaExecutable(),
                LocalStackConfig::appFlags, config.logDir());
        launches.putAll(archives.prepare(jars, this::appEnvironment, deadline));
        classDataPreparation = archives.trained() ? Duration.between(began, Instant.now()) : Duration.ZERO;
        return launches;
    }

    private PartProcess startApp(Part app, ClassDataArchives.Launch launch) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(LocalStackConfig.appFlags(app));
        command.addAll(launch.flags());
        command.add(PartProcess.MARKER + app.id());
        command.add("-jar");
        command.add(launch.jar().toString());
        return launch(app, command, appEnvironment(app));
    }

    /** The whole configuration of an app: environment variables only, as in Kubernetes. */
    Map<String, String> appEnvironment(Part app) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SERVER_PORT", Integer.toString(config.port(app)));
        env.put("MANAGEMENT_SERVER_PORT", Integer.toString(config.managementPort(app)));
        env.put("KAFKA_BOOTSTRAP_SERVERS", config.kafkaBootstrapServers());
        env.put("MONGODB_URI", config.mongodbUri());
        env.put("NEWSROOM_JWT_ISSUER", config.gatewayUrl());
        env.put("NEWSROOM_JWKS_URI", "http://127.0.0.1:" + config.port(Part.MEMBERSHIP) + "/.well-known/jwks.json");
        env.put("MEMBERSHIP_SERVICE_URL", "http://127.0.0.1:" + config.port(Part.MEMBERSHIP));
        env.put("ARTICLE_SERVICE_URL", "http://127.0.0.1:" + config.port(Part.ARTICLE));
        env.put("VOTING_SERVICE_URL", "http://127.0.0.1:" + config.port(Part.VOTING));
        env.putAll(config.extraEnv());
        return env;
    }

    private PartProcess launch(Part part, List<String> command, Map<String, String> env) {
        Path log = config.logDir().resolve(part.id() + ".log");
        appendToLog(log, "---- " + OffsetDateTime.now() + " starting " + part.id() + ": " + String.join(" ", command));
        ProcessBuilder builder = new ProcessBuilder(detached(command))
                .directory(config.dataDir().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        synchronized (lifecycle) {
            if (stopRequested) {
                throw new LocalStackException("stopped while starting");
            }
            return launch(part, builder, log);
        }
    }

    private PartProcess launch(Part part, ProcessBuilder builder, Path log) {
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new LocalStackException("cannot start " + part.id() + ": " + e.getMessage(), e);
        }
        Path pidFile = config.runDir().resolve(part.id() + ".pid");
        try {
            Files.writeString(pidFile, process.pid() + System.lineSeparator());
        } catch (IOException e) {
            process.destroyForcibly();
            throw new UncheckedIOException("cannot write " + pidFile, e);
        }
        PartProcess started = new PartProcess(part, process, log, pidFile);
        running.add(started);
        return started;
    }

    /**
     * Every part runs in a session of its own, so that Ctrl-C reaches only the supervising process, which then
     * stops the parts in order (services before the broker they are connected to).
     */
    private static List<String> detached(List<String> command) {
        for (String setsid : List.of("/usr/bin/setsid", "/bin/setsid")) {
            if (Files.isExecutable(Path.of(setsid))) {
                List<String> result = new ArrayList<>();
                result.add(setsid);
                result.addAll(command);
                return result;
            }
        }
        return command;
    }

    private void runToCompletion(Part part, List<String> command, Instant deadline) {
        Path log = config.logDir().resolve(part.id() + ".log");
        appendToLog(log, "---- " + OffsetDateTime.now() + " " + String.join(" ", command));
        try {
            Process process = new ProcessBuilder(command)
                    .directory(config.dataDir().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            if (!process.waitFor(Math.max(1, Duration.between(Instant.now(), deadline).toMillis()),
                    java.util.concurrent.TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new LocalStackException(part.id() + ": formatting the storage did not finish in time. Last lines of " + log + ":\n" + PartProcess.tail(log, 30));
            }
            if (process.exitValue() != 0) {
                throw new LocalStackException(part.id() + ": formatting the storage failed (exit code "
                        + process.exitValue() + "). Last lines of " + log + ":\n" + PartProcess.tail(log, 30));
            }
        } catch (IOException e) {
            throw new LocalStackException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalStackException("interrupted", e);
        }
    }

    private void createTopics(PartProcess kafka, Instant deadline) {
        try {
            KafkaBroker.createTopics(config.kafkaBootstrapServers(), deadline, kafka == null ? null : kafka.handle());
        } catch (LocalStackException e) {
            if (kafka != null && !kafka.isAlive()) {
                throw diedBeforeReady(kafka);
            }
            throw new LocalStackException(e.getMessage() + (kafka == null ? "" : ". Last lines of "
                    + kafka.logFile() + ":\n" + kafka.logTail(30)), e);
        }
    }

    // --- waiting ---

    private void waitForPort(PartProcess process, int port, Instant deadline) {
        while (true) {
            if (!process.isAlive()) {
                throw diedBeforeReady(process);
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
                return;
            } catch (IOException notYet) {
                // not listening yet
            }
            if (Instant.now().isAfter(deadline)) {
                throw notReadyInTime(process, "port " + port + " does not accept connections");
            }
            pause();
        }
    }

    private void waitUntilReady(List<PartProcess> apps, Instant deadline) {
        List<PartProcess> pending = new ArrayList<>(apps);
        while (!pending.isEmpty()) {
            for (PartProcess app : List.copyOf(pending)) {
                if (!app.isAlive()) {
                    throw diedBeforeReady(app);
                }
                if (isReady(app.part())) {
                    pending.remove(app);
                }
            }
            if (pending.isEmpty()) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                Part late = pending.get(0).part();
                throw notReadyInTime(pending.get(0), readinessUri(late) + " did not answer UP; last answer: "
                        + lastReadinessAnswer.getOrDefault(late, "none"));
            }
            pause();
        }
    }

    private boolean isReady(Part app) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(readinessUri(app)).timeout(Duration.ofSeconds(2)).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            lastReadinessAnswer.put(app, response.statusCode() + " " + abbreviate(response.body()));
            if (response.statusCode() >= 400 && response.statusCode() < 500) {
                // refused, not merely "not ready yet": no amount of waiting will help
                Instant since = refusedSince.computeIfAbsent(app, a -> Instant.now());
                if (Duration.between(since, Instant.now()).compareTo(REFUSAL_PATIENCE) > 0) {
                    throw new LocalStackException(app.id() + " answers " + response.statusCode() + " at "
                            + readinessUri(app) + ": probes on the management port must not need a token. Log: "
                            + config.logDir().resolve(app.id() + ".log"));
                }
            } else {
                refusedSince.remove(app);
            }
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException e) {
            lastReadinessAnswer.put(app, "no answer (" + e.getClass().getSimpleName() + ")");
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalStackException("interrupted while waiting for " + app.id(), e);
        }
    }

    private static String abbreviate(String body) {
        String oneLine = body.replaceAll("\\s+", " ").trim();
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "..." : oneLine;
    }

    private URI readinessUri(Part app) {
        try {
            return new URI("http://127.0.0.1:" + config.managementPort(app) + "/actuator/health/readiness");
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private LocalStackException diedBeforeReady(PartProcess process) {
        String exit = process.exitCode().isPresent() ? " with code " + process.exitCode().getAsInt() : "";
        return new LocalStackException(process.part().id() + " (pid " + process.pid() + ") exited before it was ready"
                + exit + ". Last lines of " + process.logFile() + ":\n" + process.logTail(40));
    }

    private LocalStackException notReadyInTime(PartProcess process, String what) {
        return new LocalStackException(process.part().id() + " (pid " + process.pid() + ") was not ready within "
                + config.readyTimeout().toSeconds() + " s: " + what + ". Last lines of " + process.logFile() + ":\n"
                + process.logTail(40));
    }

    // --- checks and files ---

    private Map<Part, Path> findAppJars() {
        Map<Part, Path> jars = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (Part part : Part.values()) {
            if (part.isApp() && config.starts(part)) {
                Optional<Path> jar = appJar(config.projectDir(), part);
                if (jar.isPresent()) {
                    jars.put(part, jar.get());
                } else {
                    missing.add(part.id() + "/target/" + part.id() + "-<version>.jar");
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new LocalStackException("Not built yet: " + String.join(", ", missing)
                    + ". Build with ./mvnw -B -ntp -DskipTests install (./newsroom up does this for you).");
        }
        return jars;
    }

    /** The executable jar of an app module, the newest if there are several versions. */
    static Optional<Path> appJar(Path projectDir, Part app) {
        Path target = projectDir.resolve(app.id()).resolve("target");
        if (!Files.isDirectory(target)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(target)) {
            return files
                    .filter(f -> {
                        String name = f.getFileName().toString();
                        return name.startsWith(app.id() + "-") && name.endsWith(".jar")
                                && !name.endsWith("-sources.jar") && !name.endsWith("-tests.jar")
                                && !name.endsWith("-javadoc.jar");
                    })
                    .max(Comparator.comparing(f -> f.toFile().lastModified()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private Path requireLibDir() {
        Path lib = config.projectDir().resolve("local-stack").resolve("target").resolve("lib");
        if ((config.starts(Part.KAFKA) || config.starts(Part.MONGO)) && !Files.isDirectory(lib)) {
            throw new LocalStackException("Not built yet: " + lib
                    + ". Build with ./mvnw -B -ntp -DskipTests install (./newsroom up does this for you).");
        }
        return lib;
    }

    private void checkPorts() {
        for (Part part : Part.values()) {
            if (config.starts(part)) {
                for (Map.Entry<Integer, String> port : config.portsOf(part).entrySet()) {
                    if (!isFree(port.getKey())) {
                        throw new PortInUseException(port.getKey(), part, port.getValue());
                    }
                }
            }
        }
    }

    /** Free on every address: Kafka and MongoDB bind 127.0.0.1, the apps all addresses. */
    static boolean isFree(int port) {
        for (InetAddress address : new InetAddress[] {null, InetAddress.getLoopbackAddress()}) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(address, port));
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    private void createDirectories() {
        try {
            Files.createDirectories(config.logDir());
            Files.createDirectories(config.runDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + config.dataDir(), e);
        }
    }

    private void writeStackFile() {
        Properties p = new Properties();
        for (Part part : Part.values()) {
            if (config.starts(part)) {
                List<Integer> ports = new ArrayList<>(config.portsOf(part).keySet());
                p.setProperty(part.id() + ".port", ports.get(0).toString());
                if (ports.size() > 1) {
                    p.setProperty(part.id() + ".port2", ports.get(1).toString());
                }
            }
        }
        p.setProperty("gateway.url", config.gatewayUrl());
        p.setProperty("kafka.bootstrap.servers", config.kafkaBootstrapServers());
        p.setProperty("mongodb.uri", config.mongodbUri());
        try (var out = Files.newBufferedWriter(config.runDir().resolve(STACK_FILE))) {
            p.store(out, "Newsroom local stack");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Properties readStackFile(Path runDir) {
        Properties p = new Properties();
        Path file = runDir.resolve(STACK_FILE);
        if (Files.isRegularFile(file)) {
            try (var in = Files.newBufferedReader(file)) {
                p.load(in);
            } catch (IOException ignored) {
                // no ports to show
            }
        }
        return p;
    }

    /** Kafka and the MongoDB-wire server log through log4j2: INFO for what matters, WARN for the rest. */
    private Path writeLog4jConfig() {
        Path file = config.runDir().resolve("log4j2.properties");
        String content = String.join("\n",
                "status = warn",
                "appender.out.type = Console",
                "appender.out.name = out",
                "appender.out.layout.type = PatternLayout",
                "appender.out.layout.pattern = %d{ISO8601} %-5p [%c{1}] %m%n",
                "rootLogger.level = warn",
                "rootLogger.appenderRef.out.ref = out",
                "logger.started.name = kafka.server.KafkaRaftServer",
                "logger.started.level = info",
                "logger.broker.name = kafka.server.BrokerServer",
                "logger.broker.level = info",
                "logger.mongo.name = de.bwaldvogel.mongo.MongoServer",
                "logger.mongo.level = info",
                "");
        try {
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static String classpath(Path lib) {
        String own;
        try {
            own = Path.of(LocalStack.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("cannot locate the local-stack classes", e);
        }
        return own + java.io.File.pathSeparator + lib.resolve("*");
    }

    private static List<String> javaCommand(List<String> jvmFlags, String marker, String classpath, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(jvmFlags);
        command.add(PartProcess.MARKER + marker);
        command.add("-cp");
        command.add(classpath);
        command.addAll(args);
        return command;
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void appendToLog(Path log, String line) {
        try {
            Files.writeString(log, line + System.lineSeparator(), StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + log, e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // left for the next run to recognise as stale
        }
    }

    private void pause() {
        if (stopRequested) {
            throw new LocalStackException("stopped while starting");
        }
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalStackException("interrupted while starting", e);
        }
    }

    private static void joinUninterruptibly(Thread t) {
        boolean interrupted = false;
        while (t.isAlive()) {
            try {
                t.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
