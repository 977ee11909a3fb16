package org.newsroom.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import org.newsroom.localstack.LocalStack;
import org.newsroom.localstack.LocalStackConfig;

/**
 * The stack as {@code ./newsroom up} starts it, but on free ports and with its data, logs and pid files in
 * {@code system-tests/target/system-test-stack} (kept after the run, for reading the logs of a failure).
 */
final class RunningStack {

    private RunningStack() {
    }

    static LocalStack start() {
        Path projectDir = projectDir();
        Path dataDir = projectDir.resolve("system-tests").resolve("target").resolve("system-test-stack");
        deleteRecursively(dataDir);
        LocalStackConfig config = LocalStackConfig.builder(projectDir)
                .dataDir(dataDir)
                .freePorts()
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
