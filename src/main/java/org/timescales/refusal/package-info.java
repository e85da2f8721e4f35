/**
 * Shared infrastructure: what a module throws when it refuses what a person asked, whatever door they came
 * through. {@link org.timescales.refusal.InvalidRequestException} refuses input, with one
 * {@link org.timescales.refusal.FieldError} per field named and why; {@link org.timescales.refusal.NotFoundException}
 * says there is no such record (or none the caller may see); {@link org.timescales.refusal.PersonName} is the
 * rule for a person's name. The domain modules (clock, referral, casefile, …) depend on these, not on the web
 * layer: {@code web} turns them into HTTP answers (RFC 9457 problem details naming each field).
 * <p>
 * All four types are its public surface. It owns no table, depends on no module, and publishes and listens
 * to no events.
 */
package org.timescales.refusal;
