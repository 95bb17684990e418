package org.receivables.kit.request;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * Every string read from a JSON body obeys {@link InputRules#bodyText}: a {@code \u0000} that
 * PostgreSQL would refuse, or another control character, is a 400 naming the field (as {@code
 * lines[0].description}) instead of a 500 at the insert. Tabs and line breaks stay allowed.
 */
@Singleton
public class BodyText implements ObjectMapperCustomizer {

  @Override
  public void customize(ObjectMapper mapper) {
    mapper.registerModule(
        new SimpleModule("receivables-body-text").addDeserializer(String.class, new Checked()));
  }

  /** Jackson's own string reading, then the check; the failure carries the field's path. */
  static final class Checked extends StringDeserializer {

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String value = super.deserialize(p, ctxt);
      String problem = InputRules.bodyText(value);
      if (problem != null) {
        throw InvalidFormatException.from(p, problem, value, String.class);
      }
      return value;
    }
  }
}
