package org.receivables.dunning.commitment;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.List;
import org.receivables.dunning.common.Json;

/** A plan's instalments as the JSON text they were always stored as. */
@Converter
public class InstalmentsConverter implements AttributeConverter<List<Instalment>, String> {

  private static final TypeReference<List<Instalment>> TYPE = new TypeReference<>() {};

  @Override
  public String convertToDatabaseColumn(List<Instalment> value) {
    return value == null ? null : Json.write(value);
  }

  @Override
  public List<Instalment> convertToEntityAttribute(String text) {
    return text == null ? null : Json.read(text, TYPE);
  }
}
