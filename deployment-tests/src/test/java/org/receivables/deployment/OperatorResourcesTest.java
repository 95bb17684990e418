package org.receivables.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * What the prod overlay asks of the operators (CloudNativePG, Strimzi, Prometheus Operator),
 * checked structurally since no typed model covers these custom resources, and how it ties to the
 * Deployments: databases and roles, topics, partitions versus replicas, referenced Secrets.
 */
class OperatorResourcesTest {

  private static final Manifests PROD = Manifests.render("prod");
  private static final Manifests DEV = Manifests.render("dev");

  /** Secrets prod expects to exist beforehand (docs/ops.md lists each with its keys). */
  static final List<String> PROD_EXTERNAL_SECRETS =
      List.of(
          "jwt-public-key",
          "gateway-jwt-signing-key",
          "gateway-api-keys",
          "invoicing-db",
          "scoring-db",
          "dunning-db",
          "kpi-db",
          "webhooks-db",
          "webhooks-secrets-key",
          "gateway-db",
          "dunning-smtp",
          "postgres-backup-s3");

  @Test
  void postgresClusterHoldsOneDatabaseAndRolePerService() {
    JsonNode cluster = PROD.all("Cluster").get(0);
    String name = cluster.path("metadata").path("name").asText();
    JsonNode spec = cluster.path("spec");
    assertThat(cluster.path("apiVersion").asText()).isEqualTo("postgresql.cnpg.io/v1");
    assertThat(spec.path("instances").asInt()).as("instances").isGreaterThanOrEqualTo(3);
    assertThat(spec.path("storage").path("size").asText()).isNotEmpty();
    assertThat(spec.path("backup").path("barmanObjectStore").path("destinationPath").asText())
        .startsWith("s3://");
    assertThat(spec.path("backup").path("retentionPolicy").asText()).matches("\\d+[dwm]");

    // database -> owner, and owner -> password Secret
    Map<String, String> owners = new java.util.TreeMap<>();
    Map<String, String> roleSecrets = new java.util.TreeMap<>();
    JsonNode initdb = spec.path("bootstrap").path("initdb");
    owners.put(initdb.path("database").asText(), initdb.path("owner").asText());
    roleSecrets.put(initdb.path("owner").asText(), initdb.path("secret").path("name").asText());
    for (JsonNode role : spec.path("managed").path("roles")) {
      assertThat(role.path("login").asBoolean())
          .as("role %s logs in", role.path("name").asText())
          .isTrue();
      roleSecrets.put(
          role.path("name").asText(), role.path("passwordSecret").path("name").asText());
    }
    for (JsonNode db : PROD.all("Database")) {
      assertThat(db.path("apiVersion").asText()).isEqualTo("postgresql.cnpg.io/v1");
      assertThat(db.path("spec").path("cluster").path("name").asText()).isEqualTo(name);
      owners.put(db.path("spec").path("name").asText(), db.path("spec").path("owner").asText());
    }
    assertThat(owners.keySet()).containsExactlyInAnyOrderElementsOf(Repo.MODULES.keySet());
    owners.forEach((db, owner) -> assertThat(owner).as("owner of %s", db).isEqualTo(db));
    roleSecrets.forEach(
        (role, secret) -> assertThat(secret).as("secret of role %s", role).isEqualTo(role + "-db"));

    // Clients without TLS are turned away by the server itself.
    assertThat(DeploymentRulesTest.texts(spec.path("postgresql").path("pg_hba")))
        .contains("hostnossl all all all reject");
    for (String service : Repo.MODULES.keySet()) {
      JsonNode c = Manifests.podSpec(PROD.get("Deployment", service)).path("containers").get(0);
      Map<String, String> env = PROD.environment(c);
      assertThat(env.get("QUARKUS_DATASOURCE_JDBC_URL"))
          .startsWith("jdbc:postgresql://" + name + "-rw:5432/" + service + "?")
          .contains("sslmode=verify-full");
      assertThat(env.get("QUARKUS_DATASOURCE_USERNAME"))
          .isEqualTo("secret:" + roleSecrets.get(service) + "/username");
      assertThat(env.get("QUARKUS_DATASOURCE_PASSWORD"))
          .isEqualTo("secret:" + roleSecrets.get(service) + "/password");
    }

    JsonNode backup = PROD.all("ScheduledBackup").get(0);
    assertThat(backup.path("spec").path("cluster").path("name").asText()).isEqualTo(name);
    assertThat(backup.path("spec").path("schedule").asText().split(" "))
        .as("six-field cron")
        .hasSize(6);
  }

  @Test
  void kafkaIsKraftWithThreeReplicatedBrokers() {
    JsonNode kafka = PROD.all("Kafka").get(0);
    String name = kafka.path("metadata").path("name").asText();
    assertThat(kafka.path("apiVersion").asText()).startsWith("kafka.strimzi.io/");
    assertThat(kafka.path("metadata").path("annotations").path("strimzi.io/kraft").asText())
        .isEqualTo("enabled");
    assertThat(kafka.path("metadata").path("annotations").path("strimzi.io/node-pools").asText())
        .isEqualTo("enabled");
    JsonNode config = kafka.path("spec").path("kafka").path("config");
    assertThat(config.path("min.insync.replicas").asInt()).isEqualTo(2);
    assertThat(config.path("default.replication.factor").asInt()).isEqualTo(3);
    assertThat(config.path("auto.create.topics.enable").asBoolean(true)).isFalse();
    assertThat(kafka.path("spec").path("entityOperator").has("topicOperator")).isTrue();

    int brokers = 0;
    for (JsonNode pool : PROD.all("KafkaNodePool")) {
      assertThat(pool.path("metadata").path("labels").path("strimzi.io/cluster").asText())
          .isEqualTo(name);
      if (DeploymentRulesTest.texts(pool.path("spec").path("roles")).contains("broker")) {
        brokers += pool.path("spec").path("replicas").asInt();
      }
      assertThat(pool.path("spec").path("storage").path("type").asText())
          .isIn("jbod", "persistent-claim");
    }
    assertThat(brokers).isGreaterThanOrEqualTo(3);

    int tlsPort = -1;
    for (JsonNode l : kafka.path("spec").path("kafka").path("listeners")) {
      if (l.path("tls").asBoolean() && l.path("type").asText().equals("internal")) {
        tlsPort = l.path("port").asInt();
      }
    }
    for (String service : Repo.BACKENDS) {
      JsonNode c = Manifests.podSpec(PROD.get("Deployment", service)).path("containers").get(0);
      assertThat(PROD.environment(c).get("KAFKA_BOOTSTRAP_SERVERS"))
          .isEqualTo(name + "-kafka-bootstrap:" + tlsPort);
    }
  }

  @Test
  void everyTopicOfTheServicesIsDeclaredWithPartitionsAndRetention() {
    String cluster = PROD.all("Kafka").get(0).path("metadata").path("name").asText();
    List<String> declared = new ArrayList<>();
    SoftAssertions soft = new SoftAssertions();
    for (JsonNode topic : PROD.all("KafkaTopic")) {
      String at = Manifests.id(topic) + ": ";
      JsonNode spec = topic.path("spec");
      declared.add(spec.path("topicName").asText());
      soft.assertThat(topic.path("metadata").path("labels").path("strimzi.io/cluster").asText())
          .as(at + "cluster")
          .isEqualTo(cluster);
      soft.assertThat(spec.path("partitions").asInt())
          .as(at + "partitions")
          .isGreaterThanOrEqualTo(3);
      soft.assertThat(spec.path("replicas").asInt()).as(at + "replicas").isEqualTo(3);
      soft.assertThat(spec.path("config").path("retention.ms").asLong())
          .as(at + "retention")
          .isGreaterThanOrEqualTo(7L * 24 * 3600 * 1000);
      soft.assertThat(spec.path("config").path("min.insync.replicas").asInt())
          .as(at + "min ISR")
          .isEqualTo(2);
    }
    soft.assertAll();
    List<String> expected =
        new ArrayList<>(
            List.of(
                "receivables.invoicing.v1",
                "receivables.invoicing.documents.v1",
                "receivables.scoring.v1",
                "receivables.dunning.v1"));
    expected.addAll(expected.stream().map(t -> t + ".dlq").toList());
    // webhooks-service's own topic: nobody consumes it yet, so no dead-letter twin
    expected.add("receivables.webhooks.v1");
    assertThat(declared).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(declared).as("topics the services name").containsAll(Repo.topicsOfServices());
  }

  @Test
  void consumersNeverScaleBeyondTheirPartitions() {
    int partitions =
        PROD.all("KafkaTopic").stream()
            .mapToInt(t -> t.path("spec").path("partitions").asInt())
            .min()
            .orElseThrow();
    for (String service : Repo.BACKENDS) {
      assertThat(
              PROD.get("HorizontalPodAutoscaler", service).path("spec").path("maxReplicas").asInt())
          .as("%s: more consumers than partitions would idle", service)
          .isLessThanOrEqualTo(partitions);
    }
  }

  @Test
  void metricsAreScrapedByAServiceMonitor() {
    JsonNode sm = PROD.all("ServiceMonitor").get(0);
    assertThat(sm.path("apiVersion").asText()).isEqualTo("monitoring.coreos.com/v1");
    JsonNode endpoint = sm.path("spec").path("endpoints").get(0);
    assertThat(endpoint.path("path").asText()).isEqualTo("/q/metrics");
    // metrics are on the management interface in images, never on the API port
    assertThat(endpoint.path("port").asText()).isEqualTo("management");
    for (String part : Repo.MODULES.keySet()) {
      JsonNode service = PROD.get("Service", part);
      assertThat(service.path("spec").path("ports").findValuesAsText("name"))
          .as("Service %s names the port the ServiceMonitor scrapes", part)
          .contains("management");
      JsonNode labels = service.path("metadata").path("labels");
      assertThat(
              DeploymentRulesTest.selects(
                  sm.path("spec").path("selector").path("matchLabels"), labels))
          .as("ServiceMonitor selects Service %s", part)
          .isTrue();
    }
  }

  @Test
  void prodSecretsAreExternalAndDocumented() {
    List<String> referenced = new ArrayList<>(PROD.referencedSecrets());
    for (JsonNode cluster : PROD.all("Cluster")) {
      collectSecretNames(cluster.path("spec"), referenced);
    }
    assertThat(PROD.all("Secret")).as("prod keeps no secret in git").isEmpty();
    // Secrets the operators write: each KafkaUser's credentials, the Kafka and PostgreSQL CAs.
    List<String> byOperators = new ArrayList<>();
    PROD.all("KafkaUser").forEach(u -> byOperators.add(u.path("metadata").path("name").asText()));
    PROD.all("Kafka")
        .forEach(
            k -> byOperators.add(k.path("metadata").path("name").asText() + "-cluster-ca-cert"));
    PROD.all("Cluster")
        .forEach(c -> byOperators.add(c.path("metadata").path("name").asText() + "-ca"));
    referenced.removeAll(byOperators);
    assertThat(new TreeSet<>(referenced))
        .containsExactlyInAnyOrderElementsOf(new TreeSet<>(PROD_EXTERNAL_SECRETS));
    String ops = Repo.read(Repo.path("docs/ops.md"));
    for (String secret : PROD_EXTERNAL_SECRETS) {
      assertThat(ops).as("docs/ops.md documents secret %s", secret).contains("`" + secret + "`");
    }
  }

  @Test
  void devIsSelfContained() {
    List<String> generated =
        DEV.all("Secret").stream().map(s -> s.path("metadata").path("name").asText()).toList();
    for (String secret : DEV.referencedSecrets()) {
      if (!secret.equals("dunning-smtp")) { // optional: the catcher takes any sender
        assertThat(generated).as("dev renders Secret %s", secret).contains(secret);
      }
    }
    for (String service : Repo.BACKENDS) {
      JsonNode c = Manifests.podSpec(DEV.get("Deployment", service)).path("containers").get(0);
      Map<String, String> env = DEV.environment(c);
      String pgHost =
          env.get("QUARKUS_DATASOURCE_JDBC_URL").replaceFirst("jdbc:postgresql://([^:/]+).*", "$1");
      String kafkaHost = env.get("KAFKA_BOOTSTRAP_SERVERS").split(":")[0];
      assertThat(DEV.find("Service", pgHost))
          .as("%s: PostgreSQL Service %s", service, pgHost)
          .isPresent();
      assertThat(DEV.find("Service", kafkaHost))
          .as("%s: Kafka Service %s", service, kafkaHost)
          .isPresent();
    }
    JsonNode dunning =
        Manifests.podSpec(DEV.get("Deployment", "dunning")).path("containers").get(0);
    assertThat(DEV.find("Service", DEV.environment(dunning).get("QUARKUS_MAILER_HOST")))
        .isPresent();
  }

  @Test
  void devDemoKeysAndInitScriptAreExactCopies() {
    Map<String, String> copies =
        Map.of(
            "k8s/overlays/dev/secrets/public.pem", "config/local/jwt/public.pem",
            "k8s/overlays/dev/secrets/private.pem", "config/local/jwt/private.pem",
            "k8s/overlays/dev/secrets/api-keys.properties", "config/local/gateway.properties",
            "k8s/overlays/dev/postgres/10-suite-databases.sh",
                "deploy/postgres/initdb/10-suite-databases.sh");
    copies.forEach(
        (copy, original) ->
            assertThat(Repo.read(Repo.path(copy)))
                .as("%s equals %s", copy, original)
                .isEqualTo(Repo.read(Repo.path(original))));
  }

  private static void collectSecretNames(JsonNode node, List<String> names) {
    if (node.isObject()) {
      node.properties()
          .forEach(
              e -> {
                String key = e.getKey();
                JsonNode v = e.getValue();
                if ((key.equals("secret")
                        || key.equals("passwordSecret")
                        || key.equals("accessKeyId")
                        || key.equals("secretAccessKey"))
                    && v.has("name")) {
                  names.add(v.path("name").asText());
                }
                collectSecretNames(v, names);
              });
    } else if (node.isArray()) {
      node.forEach(n -> collectSecretNames(n, names));
    }
  }
}
