package org.receivables.deployment;

import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a packaged service needs from its environment, read from its application.properties rather
 * than listed by hand: a {@code %prod.} key with an empty value (the convention: "no default in
 * production") and every {@code ${NAME}} without a default that the production value of a property
 * refers to and that the file does not itself define. Each maps to the environment variable that
 * MicroProfile Config reads for it.
 */
final class RequiredSettings {

  private static final String PROD = "%prod.";
  private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^:}]+)}");

  private RequiredSettings() {}

  /**
   * Property name to environment variable name, for one suite part (as in {@link Repo#MODULES}).
   */
  static Map<String, String> of(String part) {
    return derive(Repo.applicationProperties(Repo.MODULES.get(part)));
  }

  static Map<String, String> derive(Properties p) {
    Set<String> required = new TreeSet<>();
    Map<String, String> prodValues = new TreeMap<>();
    for (String key : p.stringPropertyNames()) {
      if (!key.startsWith("%")) {
        prodValues.putIfAbsent(key, p.getProperty(key));
      }
    }
    for (String key : p.stringPropertyNames()) {
      if (key.startsWith(PROD)) {
        String name = key.substring(PROD.length());
        prodValues.put(name, p.getProperty(key));
        if (p.getProperty(key).isBlank()) {
          required.add(name);
        }
      }
    }
    prodValues.forEach(
        (key, value) -> {
          Matcher m = EXPRESSION.matcher(value);
          while (m.find()) {
            String name = m.group(1).trim();
            String defined = prodValues.get(name);
            if (defined == null || defined.isBlank()) {
              required.add(name);
            }
          }
        });
    Map<String, String> env = new TreeMap<>();
    required.forEach(name -> env.put(name, envName(name)));
    return env;
  }

  /**
   * The environment variable MicroProfile Config maps to a property: every character other than a
   * letter or digit becomes {@code _}, then upper case ({@code mp.jwt.verify.publickey.location} is
   * {@code MP_JWT_VERIFY_PUBLICKEY_LOCATION}).
   */
  static String envName(String property) {
    return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT);
  }
}
