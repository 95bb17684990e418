package org.receivables.kit.tenant;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

/**
 * The document lists each operation's roles as the scopes of its security requirement (the
 * gateway's merged document and the authorisation tests read them there). SmallRye copies the
 * {@code @RolesAllowed} values verbatim, so a {@link Roles} set would appear as its property
 * expression; this filter writes the set's roles instead.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class RoleScopes implements OASFilter {

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
      return;
    }
    for (PathItem item : openAPI.getPaths().getPathItems().values()) {
      for (Operation operation : item.getOperations().values()) {
        if (operation.getSecurity() != null) {
          operation.setSecurity(expanded(operation.getSecurity()));
        }
      }
    }
  }

  static List<SecurityRequirement> expanded(List<SecurityRequirement> requirements) {
    List<SecurityRequirement> result = new ArrayList<>();
    for (SecurityRequirement requirement : requirements) {
      SecurityRequirement copy = OASFactory.createSecurityRequirement();
      Map<String, List<String>> schemes = requirement.getSchemes();
      if (schemes != null) {
        schemes.forEach((scheme, scopes) -> copy.addScheme(scheme, roles(scopes)));
      }
      result.add(copy);
    }
    return result;
  }

  private static List<String> roles(List<String> scopes) {
    if (scopes == null) {
      return new ArrayList<>();
    }
    Set<String> roles = new LinkedHashSet<>();
    scopes.forEach(scope -> roles.addAll(Roles.expand(scope)));
    return new ArrayList<>(roles);
  }
}
