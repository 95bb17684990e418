package org.receivables.scoring.score;

import java.time.LocalDate;
import org.receivables.scoring.behaviour.PaymentBehaviour;
import org.receivables.scoring.external.ExternalScore;
import org.receivables.scoring.external.SectorRiskLevel;
import org.receivables.scoring.financials.Analysis;

/**
 * Everything the scorecard looks at for one customer on one date; each input but behaviour may be
 * missing (null).
 */
public record ScoreInputs(
    LocalDate asOf,
    PaymentBehaviour behaviour,
    Analysis financials,
    ExternalScore external,
    String sector,
    SectorRiskLevel sectorRisk) {}
