package org.receivables.scoring.external;

import java.time.Instant;

/** A recorded rating with who entered it. */
public record RecordedRating(ExternalScore rating, String recordedBy, Instant recordedAt) {}
