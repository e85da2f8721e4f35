/**
 * The DfE Children in Need census for a collection year (1 April to 31 March), as XML validated against
 * {@code dfe/CIN_schema_2024.xsd} ({@code GET /api/returns/cin-census?year=}, auditors, managers and
 * administrators only): every child with a child in need episode open in the year, with each episode's
 * referral, assessment, section 47 enquiries, plans and closure, each date as recorded about the event (on
 * the forms, as corrected), never when someone clicked. An export that fails validation is our bug: a 500
 * naming the problem.
 * <p>
 * Its public surface is {@link org.timescales.returns.CinCensusExport}; the controller is internal. It owns
 * no table: it reads the referrals and case records ({@code casefile}), the clock ledger ({@code clock}: the
 * initial conference's target, the review conferences) and the engine's history, as the system
 * ({@link org.timescales.security.AsSystem}) once the controller has checked the caller's role, and puts
 * every child included on their record's read log ({@code audit}, "cin-census"). It also uses
 * {@code calendar}, {@code system} and {@code web}. It publishes and listens to no events.
 */
package org.timescales.returns;
