package org.newsroom.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads what the deploy checks look at: the Kustomize tree under {@code deploy/kubernetes}, the
 * monitoring files, and the ports, apps and topics of {@code docs/conventions.md}. Nothing is
 * rendered: a kustomization's resources are read as they are written.
 */
final class Manifests {

    /** The deploy module: the working directory of its tests. */
    static final Path DEPLOY = locateDeploy();
    static final Path KUBERNETES = DEPLOY.resolve("kubernetes");
    static final Path BASE = KUBERNETES.resolve("base");
    static final Path COMPONENTS = KUBERNETES.resolve("components");
    static final Path OVERLAYS = KUBERNETES.resolve("overlays");
    static final Path MONITORING = DEPLOY.resolve("monitoring");
    static final Path CONVENTIONS = DEPLOY.getParent().resolve("docs/conventions.md");

    private Manifests() {
    }

    private static Path locateDeploy() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path candidate : List.of(dir, dir.resolve("deploy"))) {
            if (Files.isDirectory(candidate.resolve("kubernetes"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no deploy/kubernetes under " + dir);
    }

    // --- YAML

    static List<Map<String, Object>> documents(Path file) {
        try {
            List<Map<String, Object>> docs = new ArrayList<>();
            for (Object doc : yaml().loadAll(Files.readString(file))) {
                if (doc != null) {
                    docs.add(map(doc));
                }
            }
            return docs;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> document(Path file) {
        List<Map<String, Object>> docs = documents(file);
        if (docs.size() != 1) {
            throw new IllegalStateException(file + " holds " + docs.size() + " documents, expected one");
        }
        return docs.get(0);
    }

    private static Yaml yaml() {
        return new Yaml(new SafeConstructor(new LoaderOptions()));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return value instanceof List<?> l ? (List<Object>) l : List.of();
    }

    static List<Map<String, Object>> maps(Object value) {
        return list(value).stream().map(Manifests::map).toList();
    }

    /** The value at a path of keys, or null. */
    static Object at(Object node, String... keys) {
        Object current = node;
        for (String key : keys) {
            if (!(current instanceof Map<?, ?> m)) {
                return null;
            }
            current = m.get(key);
        }
        return current;
    }

    static String text(Object node, String... keys) {
        Object value = at(node, keys);
        return value == null ? null : String.valueOf(value);
    }

    static String kind(Map<String, Object> resource) {
        return text(resource, "kind");
    }

    static String name(Map<String, Object> resource) {
        return text(resource, "metadata", "name");
    }

    // --- Kustomize

    /** Every kustomization file under deploy/kubernetes. */
    static List<Path> kustomizations() {
        try (Stream<Path> files = Files.walk(KUBERNETES)) {
            return files.filter(f -> f.getFileName().toString().equals("kustomization.yaml")).sorted().toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean isRemote(String reference) {
        return reference.contains("://") || reference.startsWith("github.com/");
    }

    /** The resources a kustomization lists, read from their files (directories are followed). */
    static List<Map<String, Object>> resources(Path kustomizationDir) {
        List<Map<String, Object>> resources = new ArrayList<>();
        Map<String, Object> kustomization = document(kustomizationDir.resolve("kustomization.yaml"));
        for (Object entry : list(kustomization.get("resources"))) {
            String reference = String.valueOf(entry);
            if (isRemote(reference)) {
                continue;
            }
            Path target = kustomizationDir.resolve(reference).normalize();
            if (Files.isDirectory(target)) {
                resources.addAll(resources(target));
            }
            else {
                resources.addAll(documents(target));
            }
        }
        return resources;
    }

    static List<Map<String, Object>> baseResources() {
        return resources(BASE);
    }

    static List<Map<String, Object>> ofKind(List<Map<String, Object>> resources, String kind) {
        return resources.stream().filter(r -> kind.equals(kind(r))).toList();
    }

    static Map<String, Object> named(List<Map<String, Object>> resources, String kind, String name) {
        return resources.stream()
                .filter(r -> kind.equals(kind(r)) && name.equals(name(r)))
                .findFirst()
                .orElse(null);
    }

    /** Every YAML file under deploy/kubernetes, whatever role it plays (resource, patch, kustomization). */
    static List<Path> yamlFiles() {
        try (Stream<Path> files = Files.walk(KUBERNETES)) {
            return files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- docs/conventions.md

    /** A part from the conventions' ports table: its name, HTTP port and management port. */
    record App(String name, int port, int managementPort) {

        boolean isGateway() {
            return name.equals("gateway");
        }
    }

    private static final Pattern APP_ROW = Pattern.compile("(?m)^\\|\\s*([a-z][a-z-]*)\\s*\\|\\s*(\\d+)\\s*\\|\\s*(\\d+)\\s*\\|");
    private static final Pattern TOPIC = Pattern.compile("`(newsroom\\.[a-z]+\\.v\\d+)`");
    private static final Pattern ENV_ROW = Pattern.compile("(?m)^\\|\\s*(`[A-Z_]+`(?:\\s*,\\s*`[A-Z_]+`)*)\\s*\\|");
    private static final Pattern ENV_NAME = Pattern.compile("`([A-Z_]+)`");

    static String conventions() {
        try {
            return Files.readString(CONVENTIONS);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<App> apps() {
        List<App> apps = new ArrayList<>();
        Matcher m = APP_ROW.matcher(section(conventions(), "## Ports and processes"));
        while (m.find()) {
            apps.add(new App(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
        }
        return apps;
    }

    static Set<String> topics() {
        Set<String> topics = new LinkedHashSet<>();
        Matcher m = TOPIC.matcher(section(conventions(), "## Events"));
        while (m.find()) {
            topics.add(m.group(1));
        }
        return topics;
    }

    static Set<String> environmentVariables() {
        Set<String> names = new LinkedHashSet<>();
        Matcher rows = ENV_ROW.matcher(section(conventions(), "## Environment variables"));
        while (rows.find()) {
            Matcher name = ENV_NAME.matcher(rows.group(1));
            while (name.find()) {
                names.add(name.group(1));
            }
        }
        return names;
    }

    private static String section(String markdown, String heading) {
        int start = markdown.indexOf(heading);
        if (start < 0) {
            throw new IllegalStateException("docs/conventions.md has no section " + heading);
        }
        int end = markdown.indexOf("\n## ", start + heading.length());
        return end < 0 ? markdown.substring(start) : markdown.substring(start, end);
    }

    // --- Pods

    static Map<String, Object> podSpec(Map<String, Object> deployment) {
        return map(at(deployment, "spec", "template", "spec"));
    }

    static List<Map<String, Object>> containers(Map<String, Object> deployment) {
        return maps(podSpec(deployment).get("containers"));
    }

    /** A container's environment by variable name (the entry itself: value or valueFrom). */
    static Map<String, Map<String, Object>> env(Map<String, Object> container) {
        Map<String, Map<String, Object>> env = new LinkedHashMap<>();
        for (Map<String, Object> entry : maps(container.get("env"))) {
            env.put(text(entry, "name"), entry);
        }
        return env;
    }

    /** A port given by number or by the name of one of the container's ports, as a number. */
    static Integer portNumber(Map<String, Object> container, Object port) {
        if (port instanceof Integer number) {
            return number;
        }
        for (Map<String, Object> declared : maps(container.get("ports"))) {
            if (Objects.equals(declared.get("name"), port)) {
                return (Integer) declared.get("containerPort");
            }
        }
        return null;
    }
}
