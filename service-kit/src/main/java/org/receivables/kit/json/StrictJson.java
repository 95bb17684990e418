package org.receivables.kit.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * The API's JSON rules: amounts as plain decimals (never 1E+3), dates as {@code YYYY-MM-DD}, and
 * unknown fields rejected, so that a misspelt field ("duedate") is a 400 and not silently ignored.
 * Scalars are read only from their own JSON type: {@code "true"} for a boolean or {@code "12.5"}
 * for an amount is a 400, as the OpenAPI document says, instead of Jackson's silent coercion.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

  @Override
  public void customize(ObjectMapper mapper) {
    mapper.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    mapper.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    // an empty or blank string is a string too, not "absent": Jackson would read it as null
    refuseCoercion(
        mapper,
        LogicalType.Boolean,
        CoercionInputShape.String,
        CoercionInputShape.EmptyString,
        CoercionInputShape.Integer);
    refuseCoercion(
        mapper,
        LogicalType.Integer,
        CoercionInputShape.String,
        CoercionInputShape.EmptyString,
        CoercionInputShape.Float,
        CoercionInputShape.Boolean);
    refuseCoercion(
        mapper,
        LogicalType.Float,
        CoercionInputShape.String,
        CoercionInputShape.EmptyString,
        CoercionInputShape.Boolean);
    refuseCoercion(
        mapper,
        LogicalType.Textual,
        CoercionInputShape.Integer,
        CoercionInputShape.Float,
        CoercionInputShape.Boolean);
  }

  private static void refuseCoercion(
      ObjectMapper mapper, LogicalType target, CoercionInputShape... shapes) {
    for (CoercionInputShape shape : shapes) {
      mapper.coercionConfigFor(target).setCoercion(shape, CoercionAction.Fail);
    }
  }
}
