package org.receivables.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The container image settings of the parent POM, exercised for real: Quarkus and Jib build the
 * image of a minimal application under the same parent, with no Docker engine and no registry. Two
 * stand-ins make that possible and are the only differences from a real build: the base image is a
 * local tarball made here (a registry cannot be reached), and the "docker" executable Jib hands the
 * finished image to ({@code docker load}) writes it to a file, whose layers and configuration are
 * then checked.
 */
class ImageBuildTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static Path work;
  private static Path imageDir;
  private static JsonNode config;
  private static JsonNode manifest;
  private static String dockerCalls;

  @BeforeAll
  static void buildTheProbeImage() throws Exception {
    Path module = Repo.path("deployment-tests");
    work = module.resolve("target/image-build");
    deleteTree(work);
    Files.createDirectories(work);
    Path probe = module.resolve("target/image-probe");
    deleteTree(probe);
    copyTree(module.resolve("src/test/resources/image-probe"), probe);

    Path baseTar = baseImage(work.resolve("base"));
    Path imageTar = work.resolve("image.tar");
    Path docker = work.resolve("fake-docker");
    Files.writeString(
        docker,
        """
        #!/bin/sh
        echo "$*" >> "$(dirname "$0")/docker-calls.log"
        case "$1" in
          load) cat > "$PROBE_IMAGE_TAR"; echo "Loaded image" ;;
          info) echo '{"OSType":"linux","Architecture":"x86_64"}' ;;
          *) echo "unexpected docker call: $*" >&2; exit 1 ;;
        esac
        """);
    Files.setPosixFilePermissions(docker, PosixFilePermissions.fromString("rwxr-xr-x"));

    Repo.Result build =
        Repo.run(
            Repo.root(),
            List.of(
                Repo.path("mvnw").toString(),
                "-B",
                "-q",
                "-f",
                probe.resolve("pom.xml").toString(),
                "package",
                "-DskipTests",
                "-Dspotless.check.skip=true",
                "-Dquarkus.container-image.build=true",
                "-Dquarkus.jib.base-jvm-image=tar://" + baseTar,
                "-Dquarkus.jib.docker-executable-name=" + docker,
                "-Dquarkus.jib.docker-environment.PROBE_IMAGE_TAR=" + imageTar,
                "-Dquarkus.jib.base-image-layers-cache=" + work.resolve("cache/base"),
                "-Dquarkus.jib.application-layers-cache=" + work.resolve("cache/app")),
            600);
    assertThat(build.code()).as("image build:\n%s", build.output()).isZero();
    assertThat(imageTar).as("Jib handed over an image").isRegularFile();

    imageDir = work.resolve("image");
    Files.createDirectories(imageDir);
    untar(imageTar, imageDir);
    manifest = JSON.readTree(imageDir.resolve("manifest.json").toFile()).get(0);
    config = JSON.readTree(imageDir.resolve(manifest.path("Config").asText()).toFile());
    dockerCalls = Files.readString(work.resolve("docker-calls.log"));
  }

  @Test
  void imageIsNamedAfterTheModuleInTheSuitesGroup() {
    assertThat(DeploymentRulesTest.texts(manifest.path("RepoTags")))
        .containsExactly("receivables/image-probe:0.1.0-SNAPSHOT");
    assertThat(config.path("config").path("Labels").path("org.opencontainers.image.title").asText())
        .isEqualTo("image-probe");
    assertThat(dockerCalls).as("nothing but a local load").doesNotContain("push", "pull");
  }

  @Test
  void runsAsTheUnprivilegedUserOfTheBaseImage() {
    // the stand-in base image runs as root: 185 comes from the parent POM
    assertThat(config.path("config").path("User").asText()).isEqualTo("185");
  }

  @Test
  void startsTheFastJarWithTheConfiguredJvmOptions() {
    JsonNode c = config.path("config");
    assertThat(DeploymentRulesTest.texts(c.path("Entrypoint")))
        .contains("-XX:+ExitOnOutOfMemoryError", "-jar", "quarkus-run.jar");
    assertThat(c.path("WorkingDir").asText()).isEqualTo("/home/jboss");
    assertThat(c.path("ExposedPorts").has("8080/tcp")).isTrue();
    assertThat(c.path("ExposedPorts").has("9000/tcp")).as("management port").isTrue();
    assertThat(config.path("created").asText()).as("reproducible").startsWith("1970-01-01");
  }

  /**
   * The application of an image build answers health on the management interface only, never on the
   * API port the Ingress routes: the very jar of the image, started on free ports.
   */
  @Test
  void theImagesApplicationAnswersHealthOnTheManagementPortOnly() throws Exception {
    Path jar = Repo.path("deployment-tests/target/image-probe/target/quarkus-app/quarkus-run.jar");
    int http = freePort();
    int management = freePort();
    Process app =
        new ProcessBuilder(
                "java",
                "-Xmx64m",
                "-Dquarkus.http.port=" + http,
                "-Dquarkus.management.port=" + management,
                "-jar",
                jar.toString())
            .redirectErrorStream(true)
            .redirectOutput(work.resolve("probe-app.log").toFile())
            .start();
    try {
      HttpClient client = HttpClient.newHttpClient();
      try {
        await("/q/health/ready on the management port")
            .atMost(Duration.ofSeconds(120))
            .pollInterval(Duration.ofMillis(250))
            .failFast("the application exited", () -> !app.isAlive())
            .until(() -> status(client, management, "/q/health/ready"), ready -> ready == 200);
      } catch (ConditionTimeoutException | TerminalFailureException e) {
        throw new AssertionError(
            e.getMessage() + "; log:\n" + Files.readString(work.resolve("probe-app.log")), e);
      }
      assertThat(status(client, http, "/q/health/ready")).as("API port").isEqualTo(404);
      assertThat(status(client, http, "/q/health/live")).as("API port").isEqualTo(404);
    } finally {
      app.destroy();
      if (!app.waitFor(20, TimeUnit.SECONDS)) {
        app.destroyForcibly();
      }
    }
  }

  private static int status(HttpClient client, int port, String path) throws InterruptedException {
    try {
      return client
          .send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                  .timeout(Duration.ofSeconds(5))
                  .build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException notYetListening) {
      return 0;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Test
  void layersHoldTheApplicationReadOnlyForItsUser() throws Exception {
    List<String> entries = new ArrayList<>();
    List<String> writableByUser = new ArrayList<>();
    for (JsonNode layer : manifest.path("Layers")) {
      Repo.Result list =
          Repo.run(work, List.of("tar", "-tvzf", imageDir.resolve(layer.asText()).toString()), 60);
      assertThat(list.code()).isZero();
      for (String line : list.output().split("\n")) {
        String[] f = line.trim().split("\\s+");
        if (f.length < 6) {
          continue;
        }
        String path = f[f.length - 1];
        entries.add(path);
        // files of the application: owned by root, not writable by the runtime user 185
        if (path.startsWith("home/jboss/") && !f[0].startsWith("d") && f[1].startsWith("185")) {
          writableByUser.add(path);
        }
      }
    }
    assertThat(entries)
        .contains("home/jboss/quarkus-run.jar", "home/jboss/app/image-probe-0.1.0-SNAPSHOT.jar");
    assertThat(entries).anyMatch(e -> e.startsWith("home/jboss/lib/boot/"));
    assertThat(entries).anyMatch(e -> e.startsWith("home/jboss/quarkus/"));
    assertThat(writableByUser).isEmpty();
  }

  @Test
  void parentPomNamesAMaintainedJvmBaseImageAndNonRootUser() throws Exception {
    Properties p = rootPomProperties();
    assertThat(p.getProperty("quarkus.jib.base-jvm-image"))
        .matches("registry\\.access\\.redhat\\.com/ubi9/openjdk-17-runtime:[0-9.]+");
    assertThat(Integer.parseInt(p.getProperty("quarkus.jib.user"))).isPositive();
    assertThat(p.getProperty("quarkus.container-image.group")).isEqualTo("receivables");
  }

  @Test
  void everyServiceBuildsAnImageWithJsonLogsAndNoLocalOverride() throws Exception {
    for (String module : Repo.MODULES.values()) {
      String pom = Repo.read(Repo.path(module + "/pom.xml"));
      assertThat(pom).as(module).contains("<artifactId>quarkus-container-image-jib</artifactId>");
      assertThat(pom).as(module).contains("<artifactId>quarkus-logging-json</artifactId>");
      assertThat(Repo.applicationProperties(module).stringPropertyNames())
          .as("%s keeps the parent's image settings", module)
          .noneMatch(k -> k.contains("quarkus.container-image.") || k.contains("quarkus.jib."));
    }
  }

  // ---------------------------------------------------------------- helpers

  /** A one-layer base image in `docker save` format, running as root. */
  private static Path baseImage(Path dir) throws Exception {
    Path rootfs = dir.resolve("rootfs/opt");
    Files.createDirectories(rootfs);
    Files.writeString(rootfs.resolve("README"), "stand-in base image\n");
    Path layer = dir.resolve("layer.tar");
    assertThat(
            Repo.run(
                    dir,
                    List.of(
                        "tar",
                        "-cf",
                        layer.toString(),
                        "-C",
                        dir.resolve("rootfs").toString(),
                        "."),
                    60)
                .code())
        .isZero();
    String diffId =
        "sha256:"
            + HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(layer)));
    Map<String, Object> cfg =
        Map.of(
            "architecture", "amd64",
            "os", "linux",
            "config", Map.of("User", "0", "Env", List.of("PATH=/usr/local/bin:/usr/bin:/bin")),
            "rootfs", Map.of("type", "layers", "diff_ids", List.of(diffId)),
            "history", List.of(Map.of("created_by", "ImageBuildTest")));
    Files.writeString(
        dir.resolve("config.json"), JSON.writeValueAsString(cfg), StandardCharsets.UTF_8);
    Files.writeString(
        dir.resolve("manifest.json"),
        JSON.writeValueAsString(
            List.of(
                Map.of(
                    "Config",
                    "config.json",
                    "RepoTags",
                    List.of("probe-base:1"),
                    "Layers",
                    List.of("layer.tar")))));
    Path tar = dir.resolve("base.tar");
    assertThat(
            Repo.run(
                    dir,
                    List.of(
                        "tar", "-cf", tar.toString(), "manifest.json", "config.json", "layer.tar"),
                    60)
                .code())
        .isZero();
    return tar;
  }

  private static Properties rootPomProperties() throws Exception {
    var factory = DocumentBuilderFactory.newInstance();
    var doc = factory.newDocumentBuilder().parse(Repo.path("pom.xml").toFile());
    Properties p = new Properties();
    Node props = doc.getDocumentElement().getElementsByTagName("properties").item(0);
    for (Node n = props.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        p.setProperty(e.getTagName(), e.getTextContent().trim());
      }
    }
    return p;
  }

  private static void untar(Path tar, Path dir) {
    Repo.Result r = Repo.run(dir, List.of("tar", "-xf", tar.toString()), 120);
    assertThat(r.code()).as(r.output()).isZero();
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
        Files.delete(f);
      }
    }
  }
}
