package org.newsroom.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.newsroom.localstack.LocalStack;
import org.newsroom.localstack.Part;

/**
 * The price of the door: the same article read straight from article-service and through the gateway, in
 * one run, alternating, after a warm-up; at saturation ({@code wrk}, closed loop) and at a fixed rate below
 * saturation ({@code hey}, paced). Prints requests per second, p50 and p99 of each, their ratios, and the CPU
 * each process spent per request. Not a test: run it with {@code ./mvnw -B -ntp -pl system-tests -Pbenchmark verify}.
 *
 * <p>System properties: {@code bench.seconds} (per measured run, default 15), {@code bench.rounds} (alternated
 * pairs, default 3), {@code bench.connections} (wrk, default 32), {@code bench.rate} (fixed rate in requests
 * per second; default half of what the gateway reached at saturation), {@code bench.warmup.seconds} (20).
 */
public final class GatewayPriceBenchmark {

    private static final long CLOCK_TICKS_PER_SECOND = 100;

    private final int seconds = Integer.getInteger("bench.seconds", 15);
    private final int rounds = Integer.getInteger("bench.rounds", 3);
    private final int connections = Integer.getInteger("bench.connections", 32);
    private final int warmupSeconds = Integer.getInteger("bench.warmup.seconds", 20);
    private final double fixedRate = Double.parseDouble(System.getProperty("bench.rate", "0"));

    record Measure(String mode, String path, double requestsPerSecond, double p50Millis, double p99Millis,
            long requests, long failed, Map<Part, Double> cpuMicrosPerRequest) {
    }

    public static void main(String[] args) throws Exception {
        new GatewayPriceBenchmark().run();
    }

    void run() throws Exception {
        requireTool("wrk");
        requireTool("hey");
        Map<String, String> env = new HashMap<>(RunningStack.JOURNEY_ENV);
        // the door's budgets stay on, but so large that the load generator never spends them
        env.put("NEWSROOM_GATEWAY_RATELIMITS_GENERAL_CAPACITY", "1000000000");
        env.put("NEWSROOM_GATEWAY_RATELIMITS_GENERAL_REFILLTOKENS", "1000000000");
        env.put("NEWSROOM_GATEWAY_RATELIMITS_GENERAL_REFILLPERIOD", "1s");
        System.out.println("Starting the stack ...");
        LocalStack stack = RunningStack.start("benchmark", env);
        try {
            Map<Part, Long> pids = stack.pidsByPart();
            String slug = seedArticle(stack);
            String path = "/api/articles/" + slug;
            Map<String, String> urls = new LinkedHashMap<>();
            urls.put("direct", "http://127.0.0.1:" + stack.config().port(Part.ARTICLE) + path);
            urls.put("gateway", "http://127.0.0.1:" + stack.config().port(Part.GATEWAY) + path);
            System.out.printf("Stack ready in %.1f s; article %s (%d bytes of JSON)%n",
                    stack.startupTime().toMillis() / 1000.0, path, articleSize(stack, path));

            System.out.printf("Warming up: %d s each, alternating ...%n", warmupSeconds);
            for (int i = 0; i < 2; i++) {
                for (String url : urls.values()) {
                    wrk(url, Math.max(1, warmupSeconds / 2), pids, "warm-up", "");
                }
            }

            List<Measure> saturated = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                for (String path2 : order(round)) {
                    Measure m = wrk(urls.get(path2), seconds, pids, "saturation", path2);
                    saturated.add(m);
                    print(m);
                }
            }
            double rate = fixedRate > 0 ? fixedRate
                    : Math.max(50, Math.floor(median(saturated, "gateway", Measure::requestsPerSecond) * 0.5 / 50) * 50);
            List<Measure> paced = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                for (String path2 : order(round)) {
                    Measure m = hey(urls.get(path2), seconds, rate, pids, path2);
                    paced.add(m);
                    print(m);
                }
            }
            report(saturated, paced, rate);
        } finally {
            System.out.println("Stopping the stack ...");
            stack.stop();
        }
    }

    /** Alternates which goes first, so that neither always runs on a machine the other has just warmed. */
    private static List<String> order(int round) {
        return round % 2 == 0 ? List.of("direct", "gateway") : List.of("gateway", "direct");
    }

    private static String seedArticle(LocalStack stack) {
        Gateway gateway = Gateway.fromNewAddress(stack.gatewayUrl());
        String paragraph = "The council's budget is 412 pages long. On page 287 there is a line called the highways "
                + "framework agreement, and a third of the money for road repairs flows through it to one contractor. ";
        String body = String.join("\n\n", java.util.Collections.nCopies(7, paragraph));
        return Editor.demo(gateway).publish("The line nobody talks about", body, "PUBLIC", null).text("$.slug");
    }

    private static int articleSize(LocalStack stack, String path) {
        Answer answer = Gateway.fromNewAddress(stack.gatewayUrl()).get(path).expect(200);
        return answer.body().getBytes(StandardCharsets.UTF_8).length;
    }

    // --- wrk: as many requests as the connections can carry ---

    private Measure wrk(String url, int duration, Map<Part, Long> pids, String mode, String path) {
        Map<Part, Long> before = cpuTicks(pids);
        String out = exec(List.of("wrk", "-t2", "-c" + connections, "-d" + duration + "s", "--latency", url),
                duration + 60);
        Map<Part, Long> after = cpuTicks(pids);
        long requests = longOf(out, "(\\d+) requests in");
        long failed = longOf(out, "Non-2xx or 3xx responses: (\\d+)") + socketErrors(out);
        return new Measure(mode, path, doubleOf(out, "Requests/sec:\\s+([\\d.]+)"), wrkLatency(out, "50%"),
                wrkLatency(out, "99%"), requests, failed, cpuPerRequest(before, after, requests));
    }

    private static double wrkLatency(String out, String percentile) {
        Matcher m = Pattern.compile("^\\s*" + Pattern.quote(percentile) + "\\s+([\\d.]+)(us|ms|s|m)\\s*$", Pattern.MULTILINE)
                .matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("no " + percentile + " latency in wrk's output:\n" + out);
        }
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> value / 1000;
            case "ms" -> value;
            case "s" -> value * 1000;
            default -> value * 60_000;
        };
    }

    private static long socketErrors(String out) {
        Matcher m = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)").matcher(out);
        if (!m.find()) {
            return 0;
        }
        return Long.parseLong(m.group(1)) + Long.parseLong(m.group(2)) + Long.parseLong(m.group(3))
                + Long.parseLong(m.group(4));
    }

    // --- hey: paced at a fixed rate, every response time recorded ---

    private Measure hey(String url, int duration, double rate, Map<Part, Long> pids, String path) {
        int workers = 16;
        Map<Part, Long> before = cpuTicks(pids);
        String csv = exec(List.of("hey", "-z", duration + "s", "-c", Integer.toString(workers),
                "-q", String.format(Locale.ROOT, "%.3f", rate / workers), "-o", "csv", url), duration + 60);
        Map<Part, Long> after = cpuTicks(pids);
        List<Double> millis = new ArrayList<>();
        long failed = 0;
        double lastOffset = 0;
        for (String line : csv.split("\n")) {
            String[] f = line.trim().split(",");
            if (f.length < 8 || !Character.isDigit(f[0].charAt(0))) {
                continue;
            }
            millis.add(Double.parseDouble(f[0]) * 1000);
            if (!f[6].startsWith("2")) {
                failed++;
            }
            lastOffset = Math.max(lastOffset, Double.parseDouble(f[7]));
        }
        double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new Measure(String.format(Locale.ROOT, "fixed %.0f/s", rate), path,
                sorted.length / Math.max(lastOffset, 1e-9), percentile(sorted, 50), percentile(sorted, 99), sorted.length,
                failed, cpuPerRequest(before, after, sorted.length));
    }

    private static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    // --- CPU spent by each process, from /proc ---

    private static Map<Part, Long> cpuTicks(Map<Part, Long> pids) {
        Map<Part, Long> ticks = new LinkedHashMap<>();
        for (Part part : List.of(Part.GATEWAY, Part.ARTICLE)) {
            ticks.put(part, cpuTicks(pids.get(part)));
        }
        return ticks;
    }

    private static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static Map<Part, Double> cpuPerRequest(Map<Part, Long> before, Map<Part, Long> after, long requests) {
        Map<Part, Double> result = new LinkedHashMap<>();
        before.forEach((part, ticks) -> result.put(part,
                requests == 0 ? Double.NaN : (after.get(part) - ticks) * 1_000_000.0 / CLOCK_TICKS_PER_SECOND / requests));
        return result;
    }

    // --- the table ---

    private static void print(Measure m) {
        System.out.printf(Locale.ROOT, "  %-12s %-8s %9.0f req/s  p50 %7.2f ms  p99 %7.2f ms  %7d requests, %d failed;"
                        + " CPU/request: gateway %5.0f us, article-service %5.0f us%n",
                m.mode(), m.path(), m.requestsPerSecond(), m.p50Millis(), m.p99Millis(), m.requests(), m.failed(),
                m.cpuMicrosPerRequest().get(Part.GATEWAY), m.cpuMicrosPerRequest().get(Part.ARTICLE));
    }

    private void report(List<Measure> saturated, List<Measure> paced, double rate) {
        System.out.println();
        System.out.printf("The price of the door (medians of %d alternated runs of %d s; %d connections at saturation,"
                + " 16 paced workers at %.0f req/s)%n", rounds, seconds, connections, rate);
        System.out.println("| load | path | requests/s | p50 ms | p99 ms | CPU us/request (gateway + article-service) |");
        System.out.println("|---|---|---:|---:|---:|---:|");
        for (List<Measure> set : List.of(saturated, paced)) {
            for (String path : List.of("direct", "gateway")) {
                Measure first = set.stream().filter(m -> m.path().equals(path)).findFirst().orElseThrow();
                System.out.printf(Locale.ROOT, "| %s | %s | %.0f | %.2f | %.2f | %.0f + %.0f |%n", first.mode(), path,
                        median(set, path, Measure::requestsPerSecond), median(set, path, Measure::p50Millis),
                        median(set, path, Measure::p99Millis),
                        median(set, path, m -> m.cpuMicrosPerRequest().get(Part.GATEWAY)),
                        median(set, path, m -> m.cpuMicrosPerRequest().get(Part.ARTICLE)));
            }
        }
        double throughputRatio = median(saturated, "gateway", Measure::requestsPerSecond)
                / median(saturated, "direct", Measure::requestsPerSecond);
        double addedP50 = median(paced, "gateway", Measure::p50Millis) - median(paced, "direct", Measure::p50Millis);
        double addedP99 = median(paced, "gateway", Measure::p99Millis) - median(paced, "direct", Measure::p99Millis);
        System.out.println();
        System.out.printf(Locale.ROOT, "Throughput through the gateway: %.2f of direct (aim: at least 0.80)%n", throughputRatio);
        System.out.printf(Locale.ROOT, "At %.0f req/s the gateway adds %.2f ms at p50 and %.2f ms at p99 (aim: under 2 ms at p99);"
                + " p99 ratio %.2f%n", rate, addedP50, addedP99,
                median(paced, "gateway", Measure::p99Millis) / median(paced, "direct", Measure::p99Millis));
        long failures = saturated.stream().mapToLong(Measure::failed).sum() + paced.stream().mapToLong(Measure::failed).sum();
        System.out.printf("Failed or non-2xx responses in all measured runs: %d%n", failures);
    }

    private static double median(List<Measure> set, String path, java.util.function.ToDoubleFunction<Measure> value) {
        double[] values = set.stream().filter(m -> m.path().equals(path)).mapToDouble(value).sorted().toArray();
        if (values.length == 0) {
            return Double.NaN;
        }
        return values.length % 2 == 1 ? values[values.length / 2]
                : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
    }

    // --- processes ---

    private static void requireTool(String tool) {
        boolean found = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
        if (!found) {
            throw new IllegalStateException(tool + " is not installed; on Debian: apt-get install -y wrk hey");
        }
    }

    private static String exec(List<String> command, long timeoutSeconds) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] out;
            try (var in = process.getInputStream()) {
                out = in.readAllBytes();
            }
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command + " did not finish in time");
            }
            String text = new String(out, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(command + " failed with " + process.exitValue() + ":\n" + text);
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long longOf(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    private static double doubleOf(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("no match for " + regex + " in:\n" + text);
        }
        return Double.parseDouble(m.group(1));
    }
}
