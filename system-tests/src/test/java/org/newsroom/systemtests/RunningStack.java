package org.newsroom.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.newsroom.localstack.LocalStack;
import org.newsroom.localstack.LocalStackConfig;
import org.newsroom.localstack.Part;

/**
 * The stack as {@code ./newsroom up} starts it, but on free ports and with its data, logs and pid files in
 * {@code system-tests/target/system-test-stack} (kept after the run, for reading the logs of a failure).
 *
 * <p>The apps run from copies of their jars: a build of a module while the stack runs would otherwise
 * replace a jar under a running JVM, which then fails to load its next class.
 */
final class RunningStack {

    /**
     * What the journeys need besides the defaults: the sandbox checkout and the demo data, and the gateway
     * believing {@code X-Forwarded-For} from loopback as it would from an ingress, so that each journey's
     * people come from an address of their own and spend their own rate-limit budgets.
     */
    static final Map<String, String> JOURNEY_ENV = Map.of(
            "NEWSROOM_SANDBOX_ENABLED", "true",
            "NEWSROOM_DEMO_ENABLED", "true",
            "NEWSROOM_GATEWAY_TRUSTEDPROXIES", "127.0.0.1,::1");

    private RunningStack() {
    }

    static LocalStack start(Map<String, String> env) {
        return start("system-test", env);
    }

    /** A stack with its data in {@code system-tests/target/<name>-stack}, started afresh. */
    static LocalStack start(String name, Map<String, String> env) {
        Path projectDir = projectDir();
        Path target = projectDir.resolve("system-tests").resolve("target");
        Path dataDir = target.resolve(name + "-stack");
        deleteRecursively(dataDir);
        Path apps = copyOfTheBuild(projectDir, target.resolve(name + "-build"));
        LocalStackConfig config = LocalStackConfig.builder(apps)
                .dataDir(dataDir)
                .freePorts()
                .env(env)
                // the jars were just built: training archives would cost more than they save in one run
                .classDataSharing(false)
                .readyTimeout(Duration.ofSeconds(180))
                .build();
        LocalStack stack = new LocalStack(config);
        stack.start();
        return stack;
    }

    /** The repository root, found from the module's directory (where Maven runs the tests). */
    static Path projectDir() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("local-stack"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the Newsroom project above " + Path.of("").toAbsolutePath());
    }

    /** The apps' jars and the broker's and database server's classpath, laid out as in the project. */
    private static Path copyOfTheBuild(Path projectDir, Path copy) {
        deleteRecursively(copy);
        try {
            for (Part part : Part.values()) {
                if (!part.isApp()) {
                    continue;
                }
                Path from = projectDir.resolve(part.id()).resolve("target");
                Path to = Files.createDirectories(copy.resolve(part.id()).resolve("target"));
                for (Path jar : appJars(from, part)) {
                    Files.copy(jar, to.resolve(jar.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
            Path lib = projectDir.resolve("local-stack").resolve("target").resolve("lib");
            if (Files.isDirectory(lib)) {
                Path libCopy = Files.createDirectories(copy.resolve("local-stack").resolve("target").resolve("lib"));
                try (Stream<Path> jars = Files.list(lib)) {
                    for (Path jar : jars.toList()) {
                        Files.copy(jar, libCopy.resolve(jar.getFileName()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the build to " + copy, e);
        }
        return copy;
    }

    private static List<Path> appJars(Path target, Part app) throws IOException {
        if (!Files.isDirectory(target)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> {
                String name = f.getFileName().toString();
                return name.startsWith(app.id() + "-") && name.endsWith(".jar") && !name.endsWith("-sources.jar")
                        && !name.endsWith("-tests.jar") && !name.endsWith("-javadoc.jar");
            }).toList();
        }
    }

    static void deleteRecursively(Path dir) {
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
