package org.receivables.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringReader;
import java.util.Map;
import java.util.Properties;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every setting a packaged service cannot start without (derived from its application.properties by
 * {@link RequiredSettings}) is given by docker-compose.yml and by each rendered k8s overlay.
 */
class RequiredSettingsTest {

  @Test
  void derivesEmptyProdValuesAndExpressionsWithoutDefault() throws IOException {
    Properties p = new Properties();
    p.load(
        new StringReader(
            """
            quarkus.http.port=8080
            %prod.quarkus.datasource.jdbc.url=
            %prod.gateway.upstream.kpi=
            %dev.gateway.upstream.kpi=http://127.0.0.1:8084
            quarkus.mailer.host=${MAILER_HOST:localhost}
            gateway.public-url=${PUBLIC_URL}
            quarkus.otel.service.name=${quarkus.application.name}
            quarkus.application.name=gateway
            %test.quarkus.http.cors.origins=${TEST_ONLY}
            quarkus.log.level=INFO
            %prod.quarkus.log.level=WARN
            """));
    assertThat(RequiredSettings.derive(p))
        .containsExactly(
            entry("PUBLIC_URL", "PUBLIC_URL"),
            entry("gateway.upstream.kpi", "GATEWAY_UPSTREAM_KPI"),
            entry("quarkus.datasource.jdbc.url", "QUARKUS_DATASOURCE_JDBC_URL"));
  }

  @Test
  void envNamesFollowMicroProfileConfig() {
    assertThat(RequiredSettings.envName("mp.jwt.verify.publickey.location"))
        .isEqualTo("MP_JWT_VERIFY_PUBLICKEY_LOCATION");
    assertThat(RequiredSettings.envName("gateway.api-keys.\"ab\".name"))
        .isEqualTo("GATEWAY_API_KEYS__AB__NAME");
  }

  /** What each part's own extensions need is among what it declares required. */
  @Test
  void eachPartDeclaresWhatItsExtensionsNeed() {
    SoftAssertions soft = new SoftAssertions();
    Repo.MODULES.forEach(
        (part, module) -> {
          Properties p = Repo.applicationProperties(module);
          Map<String, String> required = RequiredSettings.of(part);
          if (p.containsKey("quarkus.datasource.db-kind")) {
            soft.assertThat(required)
                .as(part + " has a database")
                .containsKeys(
                    "quarkus.datasource.jdbc.url",
                    "quarkus.datasource.username",
                    "quarkus.datasource.password");
          }
          if (p.stringPropertyNames().stream()
              .anyMatch(k -> k.startsWith("mp.messaging.") && k.endsWith(".connector"))) {
            soft.assertThat(required)
                .as(part + " uses Kafka")
                .containsKey("kafka.bootstrap.servers");
          }
          if (p.containsKey("mp.jwt.verify.issuer")) {
            soft.assertThat(required)
                .as(part + " verifies tokens")
                .containsKey("mp.jwt.verify.publickey.location");
          }
          p.stringPropertyNames().stream()
              .filter(k -> k.startsWith("%dev.gateway.upstream."))
              .forEach(
                  k ->
                      soft.assertThat(required)
                          .as(part + ": an upstream has no production default")
                          .containsKey(k.substring("%dev.".length())));
        });
    soft.assertAll();
  }

  @Test
  void composeGivesEverySetting() {
    JsonNode services = Repo.yaml(Repo.path("docker-compose.yml")).path("services");
    SoftAssertions soft = new SoftAssertions();
    Repo.MODULES
        .keySet()
        .forEach(
            part -> {
              JsonNode env = services.path(part).path("environment");
              RequiredSettings.of(part)
                  .forEach(
                      (property, variable) ->
                          soft.assertThat(env.path(variable).asText())
                              .as("compose %s: %s (%s)", part, variable, property)
                              .isNotBlank());
            });
    soft.assertAll();
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void overlayGivesEverySetting(String overlay) {
    Manifests m = Manifests.render(overlay);
    SoftAssertions soft = new SoftAssertions();
    m.suiteDeployments()
        .forEach(
            (part, d) -> {
              Map<String, String> env =
                  m.environment(Manifests.podSpec(d).path("containers").get(0));
              RequiredSettings.of(part)
                  .forEach(
                      (property, variable) ->
                          soft.assertThat(env.getOrDefault(variable, ""))
                              .as("%s %s: %s (%s)", overlay, part, variable, property)
                              .isNotBlank());
            });
    soft.assertAll();
  }
}
