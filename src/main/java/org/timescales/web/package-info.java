/**
 * Shared infrastructure: how our API answers a request it refuses. Code refusing a well-formed request throws
 * {@link org.timescales.refusal.InvalidRequestException} with one {@link org.timescales.refusal.FieldError} per
 * field, answered 400 naming each field; a missing thing throws {@link org.timescales.refusal.NotFoundException},
 * answered 404. {@code ApiErrors} turns these, the engine's refusals of a form value, unreadable JSON, the
 * wrong media type, a 403 or 409 with its reason, collisions still there after the retries (409) and a lost
 * database (503) into one problem-detail body (RFC 9457); {@code NoNulCharacters} refuses a NUL character in any text of a
 * request. Names of people are checked with {@link org.timescales.refusal.PersonName}.
 * <p>
 * The refusals themselves live in {@code refusal}, so that the modules throwing them do not depend on the
 * web layer. {@code ApiProblem} (the problem-detail body) is its public surface; {@code ApiErrors},
 * {@code SpringRefusals} and {@code NoNulCharacters} are internal. It owns no table. Depends on {@code refusal}
 * and {@code system} (what counts as a collision or a lost database). It publishes and listens to no events.
 */
package org.timescales.web;
