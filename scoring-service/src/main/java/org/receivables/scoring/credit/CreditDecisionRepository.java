package org.receivables.scoring.credit;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import org.receivables.kit.money.Money;
import org.receivables.kit.problem.ProblemException;
import org.receivables.scoring.store.JsonText;

/**
 * The log of credit decisions ({@link CreditDecision}), read back as {@link CreditDecisionView}s.
 */
@ApplicationScoped
public class CreditDecisionRepository {

  private static final TypeReference<List<CreditRules.Verdict>> VERDICTS = new TypeReference<>() {};

  @Inject JsonText json;

  @Transactional(Transactional.TxType.MANDATORY)
  public void log(String tenant, CreditDecisionView v) {
    CreditDecision d = new CreditDecision();
    d.id = v.id();
    d.tenantId = tenant;
    d.customerId = v.customerId();
    d.reference = v.reference();
    d.amount = v.amount();
    d.currency = v.currency();
    d.decision = v.decision();
    d.exposure = v.exposure();
    d.creditLimit = v.creditLimit();
    d.availableCredit = v.availableCredit();
    d.score = v.score();
    d.riskClass = v.riskClass();
    d.reasons = json.write(v.reasons());
    d.decidedBy = v.decidedBy();
    d.decidedAt = v.decidedAt();
    d.persist();
  }

  /** A customer's decisions, newest first, before the sequence number {@code beforeSeq}. */
  public List<CreditDecisionView> decisions(
      String tenant, String customerId, Long beforeSeq, int limit) {
    return CreditDecision.<CreditDecision>find(
            "tenantId = ?1 and customerId = ?2 and seq < ?3 order by seq desc",
            tenant,
            customerId,
            beforeSeq == null ? Long.MAX_VALUE : beforeSeq)
        .page(0, limit)
        .list()
        .stream()
        .map(this::view)
        .toList();
  }

  /** The sequence number of a logged decision, for keyset pagination. */
  public long seqOf(String tenant, UUID id) {
    return CreditDecision.<CreditDecision>find("tenantId = ?1 and id = ?2", tenant, id)
        .firstResultOptional()
        .map(d -> d.seq)
        .orElseThrow(
            () -> ProblemException.invalid("cursor", "is not a cursor returned by this API"));
  }

  private CreditDecisionView view(CreditDecision d) {
    String cur = d.currency;
    return new CreditDecisionView(
        d.id,
        d.customerId,
        d.reference,
        d.decision,
        Money.round(d.amount, cur),
        cur,
        Money.round(d.exposure, cur),
        Money.round(d.creditLimit, cur),
        Money.round(d.availableCredit, cur),
        d.score,
        d.riskClass,
        read(d.reasons),
        d.decidedBy,
        d.decidedAt);
  }

  private List<CreditRules.Verdict> read(String text) {
    return json.read(text, VERDICTS);
  }
}
