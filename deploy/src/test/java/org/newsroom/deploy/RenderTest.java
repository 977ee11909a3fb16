package org.newsroom.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.newsroom.deploy.Manifests.OVERLAYS;
import static org.newsroom.deploy.Manifests.apps;
import static org.newsroom.deploy.Manifests.containers;
import static org.newsroom.deploy.Manifests.kind;
import static org.newsroom.deploy.Manifests.map;
import static org.newsroom.deploy.Manifests.name;
import static org.newsroom.deploy.Manifests.ofKind;
import static org.newsroom.deploy.Manifests.text;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Renders every overlay with {@code kubectl kustomize} where kubectl is installed (skipped
 * otherwise): the overlay builds, every part's image carries a tag, every ConfigMap and Secret a
 * Deployment refers to is either rendered or one of the Secrets the README asks operators to create.
 */
class RenderTest {

    /** The Secrets operators create (deploy/README.md). */
    private static final List<String> OPERATOR_SECRETS = List.of("newsroom-mongodb", "membership-signing-keys",
            "membership-webhooks", "membership-first-admin", "voting-voter-key");

    static Stream<String> overlays() {
        return KustomizeTreeTest.overlayNames().stream();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void rendersWithKubectl(String overlay) throws Exception {
        String kubectl = kubectl();
        assumeTrue(kubectl != null, "kubectl is not installed");
        String rendered = render(kubectl, OVERLAYS.resolve(overlay));
        assumeTrue(rendered != null, "this kubectl cannot render Kustomize components");

        List<Map<String, Object>> resources = new ArrayList<>();
        for (Object doc : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(rendered)) {
            if (doc != null) {
                resources.add(map(doc));
            }
        }
        List<String> configMaps = ofKind(resources, "ConfigMap").stream().map(Manifests::name).toList();
        for (Manifests.App app : apps()) {
            Map<String, Object> deployment = resources.stream()
                    .filter(r -> "Deployment".equals(kind(r)) && app.name().equals(name(r)))
                    .findFirst().orElseThrow(() -> new AssertionError(overlay + " renders no Deployment " + app.name()));
            assertThat(text(deployment, "metadata", "namespace")).as("%s namespace", app.name()).isNotBlank();
            Map<String, Object> container = containers(deployment).get(0);
            assertThat(text(container, "image")).as("%s image", app.name()).matches("newsroom/" + app.name() + ":[\\w.-]+");
            for (Map<String, Object> entry : Manifests.maps(container.get("env"))) {
                String configMap = text(entry, "valueFrom", "configMapKeyRef", "name");
                String secret = text(entry, "valueFrom", "secretKeyRef", "name");
                if (configMap != null) {
                    assertThat(configMaps).as("%s: ConfigMap of %s", app.name(), text(entry, "name")).contains(configMap);
                }
                if (secret != null) {
                    assertThat(OPERATOR_SECRETS).as("%s: Secret of %s is documented", app.name(), text(entry, "name")).contains(secret);
                }
            }
        }
    }

    private static String kubectl() {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "kubectl");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }

    /** The rendered overlay, or null where this kubectl's Kustomize is too old for components. */
    private static String render(String kubectl, Path overlay) throws IOException, InterruptedException {
        Path output = Files.createTempFile("newsroom-render", ".yaml");
        Path errors = Files.createTempFile("newsroom-render", ".err");
        try {
            Process process = new ProcessBuilder(kubectl, "kustomize", overlay.toString())
                    .redirectOutput(output.toFile())
                    .redirectError(errors.toFile())
                    .start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("kubectl kustomize " + overlay + " did not finish in 60s");
            }
            String error = Files.readString(errors, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                if (error.contains("components") && error.contains("unknown field")) {
                    return null;
                }
                throw new AssertionError("kubectl kustomize " + overlay + " failed: " + error);
            }
            return Files.readString(output, StandardCharsets.UTF_8);
        }
        finally {
            Files.deleteIfExists(output);
            Files.deleteIfExists(errors);
        }
    }
}
