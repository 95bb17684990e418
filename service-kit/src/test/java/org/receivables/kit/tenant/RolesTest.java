package org.receivables.kit.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.junit.jupiter.api.Test;

class RolesTest {

  @Test
  void eachSetStandsForItsRoles() {
    assertThat(Roles.expand(Roles.ANYONE)).containsExactlyInAnyOrderElementsOf(Roles.ALL);
    assertThat(Roles.expand(Roles.STAFF))
        .containsExactlyInAnyOrder(
            Roles.ADMIN, Roles.COLLECTOR, Roles.CREDIT_MANAGER, Roles.VIEWER);
    assertThat(Roles.expand(Roles.WRITERS))
        .containsExactlyInAnyOrder(Roles.ADMIN, Roles.ERP, Roles.COLLECTOR, Roles.CREDIT_MANAGER);
    assertThat(Roles.expand(Roles.LEDGER_WRITERS))
        .containsExactlyInAnyOrder(Roles.ADMIN, Roles.ERP);
    assertThat(Roles.expand(Roles.CREDIT_TEAM))
        .containsExactlyInAnyOrder(Roles.ADMIN, Roles.CREDIT_MANAGER);
    assertThat(Roles.expand(Roles.COLLECTION_TEAM))
        .containsExactlyInAnyOrder(Roles.ADMIN, Roles.COLLECTOR, Roles.CREDIT_MANAGER);
    assertThat(Roles.expand(Roles.COLLECTORS))
        .containsExactlyInAnyOrder(Roles.ADMIN, Roles.COLLECTOR);
  }

  @Test
  void aSingleRoleStandsForItself() {
    assertThat(Roles.expand(Roles.VIEWER)).containsExactly(Roles.VIEWER);
    assertThat(Roles.expand(null)).isEmpty();
    // another property expression is not a set of ours: left as it is
    assertThat(Roles.expand("${other:a,b}")).containsExactly("${other:a,b}");
  }

  @Test
  void everySetKeepsTheAdmin() {
    for (String set :
        List.of(
            Roles.ANYONE,
            Roles.STAFF,
            Roles.WRITERS,
            Roles.LEDGER_WRITERS,
            Roles.CREDIT_TEAM,
            Roles.COLLECTION_TEAM,
            Roles.COLLECTORS)) {
      assertThat(Roles.expand(set)).as(set).contains(Roles.ADMIN).isSubsetOf(Roles.ALL);
    }
  }

  @Test
  void theDocumentListsTheRolesOfASet() {
    Operation op =
        OASFactory.createOperation()
            .addSecurityRequirement(
                OASFactory.createSecurityRequirement()
                    .addScheme("SecurityScheme", List.of(Roles.LEDGER_WRITERS, Roles.COLLECTOR)));
    OpenAPI openApi =
        OASFactory.createOpenAPI()
            .paths(
                OASFactory.createPaths()
                    .addPathItem("/api/v1/x", OASFactory.createPathItem().POST(op)));
    new RoleScopes().filterOpenAPI(openApi);
    assertThat(op.getSecurity().get(0).getScheme("SecurityScheme"))
        .containsExactly(Roles.ADMIN, Roles.ERP, Roles.COLLECTOR);
  }
}
