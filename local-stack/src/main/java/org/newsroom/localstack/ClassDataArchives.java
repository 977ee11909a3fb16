package org.newsroom.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * AppCDS archives for the apps, kept under {@code <data dir>/cds/<app>}: the jar is extracted (Spring Boot's
 * {@code -Djarmode=tools extract}), a training run loads the application context and exits on refresh
 * ({@code -Dspring.context.exit=onRefresh}) while the JVM writes the loaded classes to an archive. Rebuilt
 * whenever the jar or the JDK changes. When an archive cannot be built the app simply starts from its jar.
 */
final class ClassDataArchives {

    /** How an app is started: which jar, with which extra JVM flags. */
    record Launch(Path jar, List<String> flags) {

        static Launch plain(Path jar) {
            return new Launch(jar, List.of());
        }
    }

    private static final Duration TRAINING_TIMEOUT = Duration.ofSeconds(90);

    private final Path cdsDir;
    private final String java;
    private final Function<Part, List<String>> jvmFlags;
    private final Path logDir;
    private volatile boolean trained;

    ClassDataArchives(Path cdsDir, String java, Function<Part, List<String>> jvmFlags, Path logDir) {
        this.cdsDir = cdsDir;
        this.java = java;
        this.jvmFlags = jvmFlags;
        this.logDir = logDir;
    }

    /** Whether the last {@link #prepare} had to build at least one archive. */
    boolean trained() {
        return trained;
    }

    /** Archives that are missing or stale are built, two at a time (training is CPU-bound). */
    Map<Part, Launch> prepare(Map<Part, Path> jars, Function<Part, Map<String, String>> environment, Instant deadline) {
        Map<Part, Launch> launches = new LinkedHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "cds-training");
            t.setDaemon(true);
            return t;
        });
        try {
            Map<Part, Future<Launch>> futures = new LinkedHashMap<>();
            jars.forEach((app, jar) -> futures.put(app, pool.submit(() -> prepare(app, jar, environment.apply(app)))));
            for (Map.Entry<Part, Future<Launch>> entry : futures.entrySet()) {
                Part app = entry.getKey();
                try {
                    long wait = Math.max(1, Duration.between(Instant.now(), deadline).toMillis());
                    launches.put(app, entry.getValue().get(wait, TimeUnit.MILLISECONDS));
                } catch (Exception e) {
                    launches.put(app, Launch.plain(jars.get(app)));
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return launches;
    }

    private Launch prepare(Part app, Path jar, Map<String, String> env) throws IOException, InterruptedException {
        Path dir = cdsDir.resolve(app.id());
        Path extracted = dir.resolve("app");
        Path archive = dir.resolve("app.jsa");
        Path stampFile = dir.resolve("stamp");
        Path extractedJar = extracted.resolve(jar.getFileName());
        String stamp = jar.toAbsolutePath() + " " + Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis()
                + " " + System.getProperty("java.vm.version") + " " + String.join(" ", jvmFlags.apply(app));
        if (Files.isRegularFile(archive) && Files.isRegularFile(extractedJar) && Files.isRegularFile(stampFile)
                && Files.readString(stampFile).equals(stamp)) {
            return withArchive(extractedJar, archive);
        }
        trained = true;
        deleteRecursively(dir);
        Files.createDirectories(dir);
        Path log = logDir.resolve(app.id() + ".cds.log");
        Files.deleteIfExists(log);

        List<String> extract = List.of(java, "-Djarmode=tools", "-jar", jar.toString(),
                "extract", "--destination", extracted.toString());
        if (!run(extract, Map.of(), log) || !Files.isRegularFile(extractedJar)) {
            return Launch.plain(jar);
        }
        List<String> train = new ArrayList<>();
        train.add(java);
        train.addAll(jvmFlags.apply(app));
        train.add("-XX:ArchiveClassesAtExit=" + archive);
        train.add("-Dspring.context.exit=onRefresh");
        train.add(PartProcess.MARKER + app.id() + "-cds");
        train.add("-jar");
        train.add(extractedJar.toString());
        if (!run(train, env, log) || !Files.isRegularFile(archive)) {
            return Launch.plain(jar);
        }
        Files.writeString(stampFile, stamp);
        return withArchive(extractedJar, archive);
    }

    private static Launch withArchive(Path extractedJar, Path archive) {
        return new Launch(extractedJar, List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto"));
    }

    private boolean run(List<String> command, Map<String, String> env, Path log) throws IOException, InterruptedException {
        Files.writeString(log, "---- " + OffsetDateTime.now() + " " + String.join(" ", command) + System.lineSeparator(),
                StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        Process process = builder.start();
        try {
            if (!process.waitFor(TRAINING_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                return false;
            }
            return process.exitValue() == 0;
        } catch (InterruptedException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> {
                try {
                    Files.delete(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
