package org.timescales.casefile;

import java.time.Instant;

/** A case moved from one team to another. */
public record Transfer(String caseRef, String fromTeam, String toTeam, Instant at, String by, String reason) {
}
