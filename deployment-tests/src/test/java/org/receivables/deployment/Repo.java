package org.receivables.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/** The repository under test and the few facts about the suite that every check compares to. */
final class Repo {

  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** Suite part (as in bin/suite) to its Maven module, in start order. */
  static final Map<String, String> MODULES = new LinkedHashMap<>();

  /**
   * Quarkus' management interface of every image (health, metrics): the root POM switches it on for
   * image builds (profile image-management-port); ImageBuildTest proves it.
   */
  static final int MANAGEMENT_PORT = 9000;

  /** Suite part to its HTTP port. */
  static final Map<String, Integer> PORTS = new LinkedHashMap<>();

  static {
    MODULES.put("invoicing", "invoicing-service");
    MODULES.put("scoring", "scoring-service");
    MODULES.put("dunning", "dunning-service");
    MODULES.put("kpi", "kpi-service");
    MODULES.put("webhooks", "webhooks-service");
    MODULES.put("gateway", "gateway");
    PORTS.put("invoicing", 8081);
    PORTS.put("scoring", 8082);
    PORTS.put("dunning", 8083);
    PORTS.put("kpi", 8084);
    PORTS.put("webhooks", 8085);
    PORTS.put("gateway", 8080);
  }

  static final List<String> BACKENDS =
      List.of("invoicing", "scoring", "dunning", "kpi", "webhooks");

  static final List<String> OVERLAYS = List.of("dev", "prod");

  private Repo() {}

  static Path root() {
    String configured = System.getProperty("suite.repo");
    Path root = configured != null ? Path.of(configured) : Path.of("..");
    return root.toAbsolutePath().normalize();
  }

  static Path path(String relative) {
    return root().resolve(relative);
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode yaml(Path file) {
    try {
      return YAML.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every document of a multi-document YAML text, empty documents left out. */
  static List<JsonNode> documents(String yaml) {
    try (var parser = YAML.getFactory().createParser(yaml)) {
      List<JsonNode> docs = new ArrayList<>();
      var it = YAML.readValues(parser, JsonNode.class);
      while (it.hasNext()) {
        JsonNode doc = it.next();
        if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
          docs.add(doc);
        }
      }
      return docs;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Renders a kustomization with the kubectl on this machine (no cluster involved). */
  static String kustomize(String dir) {
    Result r = run(root(), List.of(kubectl(), "kustomize", path(dir).toString()), 120);
    if (r.code() != 0) {
      throw new AssertionError("kubectl kustomize " + dir + " failed:\n" + r.output());
    }
    return r.output();
  }

  static String kubectl() {
    return Files.isExecutable(Path.of("/usr/bin/kubectl")) ? "/usr/bin/kubectl" : "kubectl";
  }

  /** A module's application.properties, profile-prefixed keys included. */
  static Properties applicationProperties(String module) {
    Properties p = new Properties();
    try (var in =
        Files.newBufferedReader(path(module + "/src/main/resources/application.properties"))) {
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }

  /** Kafka topics named by the services' own configuration (channels and dead-letter queues). */
  static List<String> topicsOfServices() {
    List<String> topics = new ArrayList<>();
    for (String module : MODULES.values()) {
      Properties p = applicationProperties(module);
      for (String key : p.stringPropertyNames()) {
        if (!key.startsWith("%")
            && key.startsWith("mp.messaging.")
            && (key.endsWith(".topic") || key.endsWith(".dead-letter-queue.topic"))) {
          String topic = p.getProperty(key).trim();
          if (!topics.contains(topic)) {
            topics.add(topic);
          }
        }
      }
    }
    return topics;
  }

  record Result(int code, String output) {}

  static Result run(Path dir, List<String> command, long timeoutSeconds) {
    return run(dir, command, Map.of(), timeoutSeconds);
  }

  static Result run(Path dir, List<String> command, Map<String, String> env, long timeoutSeconds) {
    try {
      Path out = Files.createTempFile("deployment-tests", ".out");
      ProcessBuilder pb =
          new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
      pb.redirectOutput(out.toFile());
      pb.environment().putAll(env);
      Process process = pb.start();
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(command + " did not finish within " + timeoutSeconds + " s");
      }
      String output = Files.readString(out);
      Files.deleteIfExists(out);
      return new Result(process.exitValue(), output);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
