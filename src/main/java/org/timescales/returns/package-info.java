/**
 * The DfE Children in Need census for a collection year (1 April to 31 March), as XML validated against
 * that year's {@code dfe/<year>/CIN_schema.xsd} ({@code GET /api/returns/cin-census?year=}, auditors, managers
 * and administrators only): every child with a child in need episode open in the year, with each episode's
 * referral, assessment, section 47 enquiries, plans, pre-proceedings (from 2026-27) and closure, each date
 * as recorded about the event (on the forms, as corrected), never when someone clicked. An export that fails validation is our bug: a 500
 * naming the problem.
 * <p>
 * Its public surface is {@link org.timescales.returns.CinCensusExport}; the controllers (the API and the returns page {@code /reports/returns}) are internal. It owns
 * no table and reads no history itself: a case's stages, with typed values and their clocks (the initial
 * conference's target, the review conferences), come from {@code casehistory} once the controller has
 * checked the caller's role; it writes them and puts every child included on their record's read log
 * ({@code audit}, "cin-census"). It also uses {@code calendar}, {@code casefile}, {@code system},
 * {@code refusal} and {@code web} (the problem detail of an export the schema refuses). It publishes and listens to no events.
 */
package org.timescales.returns;
