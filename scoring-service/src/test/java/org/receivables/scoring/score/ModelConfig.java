package org.receivables.scoring.score;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.net.URL;

/**
 * The scorecard configuration exactly as the service reads it (application.properties), for unit
 * tests that run without Quarkus: the worked examples test the shipped defaults, not a copy.
 */
public final class ModelConfig {

  private static ScoringConfig config;

  private ModelConfig() {}

  public static synchronized ScoringConfig load() {
    if (config == null) {
      try {
        URL url = ModelConfig.class.getResource("/application.properties");
        SmallRyeConfig c =
            new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .withSources(new PropertiesConfigSource(url, 250))
                .withMapping(ScoringConfig.class)
                .build();
        config = c.getConfigMapping(ScoringConfig.class);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
    return config;
  }

  public static Scorecard scorecard() {
    return new Scorecard(load());
  }
}
