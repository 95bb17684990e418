package org.receivables.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml brings up what bin/suite up brings up, healthy before its dependants start.
 */
class ComposeTest {

  private static final JsonNode COMPOSE = Repo.yaml(Repo.path("docker-compose.yml"));
  private static final JsonNode SERVICES = COMPOSE.path("services");

  @Test
  void validAccordingToDockerCompose() {
    Path binary = Path.of("/usr/bin/docker-compose");
    Assumptions.assumeTrue(
        Files.isExecutable(binary),
        "docker-compose not installed (apt-get install docker-compose)");
    Repo.Result r =
        Repo.run(
            Repo.root(),
            List.of(binary.toString(), "-f", "docker-compose.yml", "config", "-q"),
            120);
    assertThat(r.code()).as("docker-compose config:\n%s", r.output()).isZero();
  }

  @Test
  void everyLongRunningContainerHasAHealthcheckAndDependantsWaitForIt() {
    SoftAssertions soft = new SoftAssertions();
    SERVICES
        .properties()
        .forEach(
            e -> {
              String name = e.getKey();
              JsonNode s = e.getValue();
              if (!oneShot(s)) {
                JsonNode test = s.path("healthcheck").path("test");
                soft.assertThat(test.isArray() && test.size() > 1)
                    .as(name + ": healthcheck")
                    .isTrue();
                soft.assertThat(s.path("image").asText())
                    .as(name + ": pinned image")
                    .matches(".+:[^:]+$")
                    .doesNotEndWith(":latest");
              }
              JsonNode deps = s.path("depends_on");
              soft.assertThat(deps.isArray())
                  .as(name + ": depends_on with conditions, not a plain list")
                  .isFalse();
              deps.properties()
                  .forEach(
                      d -> {
                        JsonNode target = SERVICES.path(d.getKey());
                        soft.assertThat(target.isMissingNode())
                            .as(name + " depends on unknown " + d.getKey())
                            .isFalse();
                        String expected =
                            oneShot(target) ? "service_completed_successfully" : "service_healthy";
                        soft.assertThat(d.getValue().path("condition").asText())
                            .as(name + " -> " + d.getKey())
                            .isEqualTo(expected);
                      });
            });
    soft.assertAll();
  }

  @Test
  void theSuiteServicesGetWhatTheyRead() {
    SoftAssertions soft = new SoftAssertions();
    List<String> databases =
        List.of(
            SERVICES
                .path("postgres")
                .path("environment")
                .path("SUITE_DATABASES")
                .asText()
                .split(" "));
    soft.assertThat(databases).containsExactlyInAnyOrderElementsOf(Repo.MODULES.keySet());
    Map<String, String> secretFiles = new LinkedHashMap<>();
    COMPOSE
        .path("secrets")
        .properties()
        .forEach(e -> secretFiles.put(e.getKey(), e.getValue().path("file").asText()));
    secretFiles.forEach(
        (n, f) ->
            soft.assertThat(Files.isRegularFile(Repo.path(f))).as("secret file " + f).isTrue());

    Repo.PORTS.forEach(
        (name, port) -> {
          String at = "compose " + name + ": ";
          JsonNode s = SERVICES.path(name);
          JsonNode env = s.path("environment");
          soft.assertThat(s.path("image").asText())
              .as(at + "image")
              .startsWith("receivables/" + Repo.MODULES.get(name) + ":");
          soft.assertThat(env.path("QUARKUS_HTTP_PORT").asText())
              .as(at + "port")
              .isEqualTo(String.valueOf(port));
          soft.assertThat(DeploymentRulesTest.texts(s.path("ports")))
              .as(at + "published port")
              .anyMatch(p -> p.endsWith(port + ":" + port));
          soft.assertThat(s.path("healthcheck").path("test").toString())
              .as(at + "health URL")
              .contains("localhost:" + Repo.MANAGEMENT_PORT + "/q/health/ready");
          soft.assertThat(env.path("MP_JWT_VERIFY_ISSUER").asText())
              .as(at + "issuer")
              .isEqualTo("receivables-gateway");
          soft.assertThat(secretPath(s, env.path("MP_JWT_VERIFY_PUBLICKEY_LOCATION").asText()))
              .as(at + "public key")
              .isEqualTo("config/local/jwt/public.pem");
          soft.assertThat(env.path("QUARKUS_SHUTDOWN_TIMEOUT").asText())
              .as(at + "shutdown timeout")
              .isNotEmpty();
          if (Repo.BACKENDS.contains(name)) {
            soft.assertThat(env.path("QUARKUS_DATASOURCE_JDBC_URL").asText())
                .as(at + "JDBC URL")
                .isEqualTo("jdbc:postgresql://postgres:5432/" + name);
            soft.assertThat(env.path("QUARKUS_DATASOURCE_USERNAME").asText())
                .as(at + "db role")
                .isEqualTo(name);
            soft.assertThat(env.path("QUARKUS_DATASOURCE_PASSWORD").asText())
                .as(at + "db password")
                .isEqualTo(
                    SERVICES
                        .path("postgres")
                        .path("environment")
                        .path("SUITE_DB_PASSWORD")
                        .asText());
            String bootstrap = env.path("KAFKA_BOOTSTRAP_SERVERS").asText();
            soft.assertThat(
                    SERVICES
                        .path("kafka")
                        .path("environment")
                        .path("KAFKA_ADVERTISED_LISTENERS")
                        .asText())
                .as(at + "Kafka address is advertised")
                .contains("://" + bootstrap);
            soft.assertThat(fieldNames(s.path("depends_on")))
                .as(at + "waits for")
                .contains("postgres", "kafka", "kafka-topics");
          } else {
            soft.assertThat(secretPath(s, env.path("SMALLRYE_JWT_SIGN_KEY_LOCATION").asText()))
                .as(at + "signing key")
                .isEqualTo("config/local/jwt/private.pem");
            soft.assertThat(secretPath(s, env.path("SMALLRYE_CONFIG_LOCATIONS").asText()))
                .as(at + "API keys")
                .isEqualTo("config/local/gateway.properties");
            for (String backend : Repo.BACKENDS) {
              soft.assertThat(env.path("GATEWAY_UPSTREAM_" + backend.toUpperCase()).asText())
                  .as(at + "upstream " + backend)
                  .isEqualTo("http://" + backend + ":" + Repo.PORTS.get(backend));
            }
            soft.assertThat(fieldNames(s.path("depends_on")))
                .as(at + "waits for")
                .containsAll(Repo.BACKENDS);
          }
        });
    JsonNode dunning = SERVICES.path("dunning").path("environment");
    soft.assertThat(SERVICES.has(dunning.path("QUARKUS_MAILER_HOST").asText()))
        .as("mailer host is a compose service")
        .isTrue();
    soft.assertThat(dunning.path("QUARKUS_MAILER_PORT").asText()).isEqualTo("3025");
    soft.assertThat(dunning.path("QUARKUS_MAILER_MOCK").asText()).isEqualTo("false");
    soft.assertThat(dunning.path("QUARKUS_MAILER_FROM").asText()).contains("@");
    soft.assertAll();
  }

  @Test
  void kafkaRunsInKraftModeAndGetsEveryTopic() {
    JsonNode env = SERVICES.path("kafka").path("environment");
    assertThat(env.path("KAFKA_PROCESS_ROLES").asText()).isEqualTo("broker,controller");
    assertThat(env.path("KAFKA_CONTROLLER_QUORUM_VOTERS").asText()).isNotEmpty();
    assertThat(env.has("KAFKA_ZOOKEEPER_CONNECT")).isFalse();
    String script = SERVICES.path("kafka-topics").path("command").toString();
    List<String> expected =
        new ArrayList<>(
            List.of(
                "receivables.invoicing.v1", "receivables.scoring.v1", "receivables.dunning.v1"));
    expected.addAll(expected.stream().map(t -> t + ".dlq").toList());
    expected.addAll(Repo.topicsOfServices());
    for (String topic : expected) {
      assertThat(script)
          .as("kafka-topics creates %s", topic)
          .containsPattern("[ \\\\]" + topic.replace(".", "\\.") + "[ \\\\;]");
    }
  }

  @Test
  void dataSurvivesARestartInNamedVolumes() {
    assertThat(fieldNames(COMPOSE.path("volumes"))).contains("pg-data", "kafka-data");
    assertThat(DeploymentRulesTest.texts(SERVICES.path("postgres").path("volumes")))
        .contains(
            "pg-data:/var/lib/postgresql/data",
            "./deploy/postgres/initdb:/docker-entrypoint-initdb.d:ro");
    assertThat(DeploymentRulesTest.texts(SERVICES.path("kafka").path("volumes")))
        .contains(
            "kafka-data:"
                + SERVICES.path("kafka").path("environment").path("KAFKA_LOG_DIRS").asText());
    assertThat(Files.isExecutable(Repo.path("deploy/postgres/initdb/10-suite-databases.sh")))
        .isTrue();
  }

  private static boolean oneShot(JsonNode service) {
    return service.path("restart").asText().equals("no");
  }

  /** The host file behind /run/secrets/NAME, when the service lists secret NAME. */
  private static String secretPath(JsonNode service, String location) {
    String prefix = "/run/secrets/";
    if (!location.startsWith(prefix)) {
      return "not a secret: " + location;
    }
    String name = location.substring(prefix.length());
    if (!DeploymentRulesTest.texts(service.path("secrets")).contains(name)) {
      return "secret not granted: " + name;
    }
    return COMPOSE.path("secrets").path(name).path("file").asText().replaceFirst("^\\./", "");
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.properties().forEach(e -> names.add(e.getKey()));
    return names;
  }
}
