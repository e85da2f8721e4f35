/**
 * Shared infrastructure: how our API answers a request it refuses. Code refusing a well-formed request throws
 * {@link org.timescales.web.InvalidRequestException} with one {@link org.timescales.web.FieldError} per
 * field, answered 400 naming each field; a missing thing throws {@link org.timescales.web.NotFoundException},
 * answered 404. {@code ApiErrors} turns these, the engine's refusals of a form value, unreadable JSON, the
 * wrong media type, a 403 or 409 with its reason, collisions still there after the retries (409) and a lost
 * database (503) into one JSON body; {@code NoNulCharacters} refuses a NUL character in any text of a
 * request. Names of people are checked with {@link org.timescales.web.PersonName}.
 * <p>
 * Those four types are its public surface; {@code ApiErrors} and {@code NoNulCharacters} are internal. It
 * owns no table. Depends on {@code system} (what counts as a collision or a lost database). It publishes and
 * listens to no events.
 */
package org.timescales.web;
