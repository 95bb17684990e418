package org.receivables.dunning.commitment;

import jakarta.enterprise.context.ApplicationScoped;

/** Promises to pay of a tenant. */
@ApplicationScoped
public class PromiseRepository extends CommitmentRepository<Promise, PromiseStatus> {

  @Override
  protected PromiseStatus activeStatus() {
    return PromiseStatus.ACTIVE;
  }
}
