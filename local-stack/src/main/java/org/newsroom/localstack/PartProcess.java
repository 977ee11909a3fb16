package org.newsroom.localstack;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * A part running as a process of its own: its handle, its log and its pid file. Every command line carries
 * {@code -Dnewsroom.part=<id>}, so that a pid file is only trusted while it still names that process.
 */
final class PartProcess {

    static final String MARKER = "-Dnewsroom.part=";

    private final Part part;
    private final Process process;
    private final ProcessHandle handle;
    private final Path logFile;
    private final Path pidFile;

    PartProcess(Part part, Process process, Path logFile, Path pidFile) {
        this.part = part;
        this.process = process;
        this.handle = process.toHandle();
        this.logFile = logFile;
        this.pidFile = pidFile;
    }

    Part part() {
        return part;
    }

    long pid() {
        return handle.pid();
    }

    ProcessHandle handle() {
        return handle;
    }

    Path logFile() {
        return logFile;
    }

    OptionalInt exitCode() {
        return process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
    }

    boolean isAlive() {
        return handle.isAlive();
    }

    /** SIGTERM, wait for a clean exit, then SIGKILL. */
    void stop(Duration grace) {
        stop(handle, grace);
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException ignored) {
            // a stale pid file is recognised as stale later
        }
    }

    static void stop(ProcessHandle handle, Duration grace) {
        if (!handle.isAlive()) {
            return;
        }
        handle.destroy();
        if (!waitFor(handle, grace)) {
            handle.destroyForcibly();
            waitFor(handle, Duration.ofSeconds(10));
        }
    }

    static boolean waitFor(ProcessHandle handle, Duration timeout) {
        try {
            handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return !handle.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !handle.isAlive();
        } catch (java.util.concurrent.ExecutionException e) {
            return !handle.isAlive();
        }
    }

    /** Resident memory in kB, from /proc/<pid>/status (0 where that is not available). */
    long rssKb() {
        return rssKb(handle.pid());
    }

    static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.substring(6).replace("kB", "").trim());
                }
            }
        } catch (IOException | NumberFormatException | SecurityException ignored) {
            // not Linux, or the process just ended
        }
        return 0;
    }

    /** The last lines of the part's log, for error messages. */
    String logTail(int lines) {
        return tail(logFile, lines);
    }

    static String tail(Path file, int lines) {
        if (!Files.isRegularFile(file)) {
            return "(no log at " + file + ")";
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            long from = Math.max(0, length - 64 * 1024);
            raf.seek(from);
            byte[] bytes = new byte[(int) (length - from)];
            raf.readFully(bytes);
            List<String> all = List.of(new String(bytes, StandardCharsets.UTF_8).split("\\R"));
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }

    /** The live process a pid file names, if it is still that part's process. */
    static Optional<ProcessHandle> fromPidFile(Path pidFile, String partId) {
        OptionalLong pid = readPid(pidFile);
        if (pid.isEmpty()) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid.getAsLong())
                .filter(ProcessHandle::isAlive)
                .filter(h -> h.info().arguments()
                        .map(args -> List.of(args).contains(MARKER + partId))
                        .orElse(false));
    }

    static OptionalLong readPid(Path pidFile) {
        try {
            if (!Files.isRegularFile(pidFile)) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(Long.parseLong(Files.readString(pidFile).trim()));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
