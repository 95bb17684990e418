package org.receivables.kit.request;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * The kit's input rule reads an empty optional query value ({@code ?cursor=}) as "not given", as
 * browsers and generated clients send it; the document says so ({@code allowEmptyValue}), so that a
 * validating client or proxy does not refuse what every service accepts.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class EmptyQueryValues implements OASFilter {

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
      return;
    }
    for (PathItem item : openAPI.getPaths().getPathItems().values()) {
      for (Operation operation : item.getOperations().values()) {
        Stream.of(operation.getParameters(), item.getParameters())
            .filter(Objects::nonNull)
            .flatMap(List::stream)
            .filter(p -> p.getIn() == Parameter.In.QUERY && !Boolean.TRUE.equals(p.getRequired()))
            .forEach(p -> p.setAllowEmptyValue(true));
      }
    }
  }
}
