/**
 * The Ofsted ILACS Annex A lists 1–8 for a period, as an .xlsx workbook for inspection
 * ({@code GET /api/returns/annex-a?from=&to=}, auditors, managers and administrators only): referrals,
 * assessments, section 47 enquiries, child in need and protection plans and periods of care, with who held
 * each child at the end of the period. Lists 1 and 2 (contacts, early help) have headings only: Timescales
 * does not hold them.
 * <p>
 * Its public surface is {@link org.timescales.annexa.AnnexAExport}; the controller is internal. It owns no
 * table and reads no history itself: a case's stages, with typed values and clocks, come from
 * {@code casehistory}, the holdings from {@code casefile}, once the controller has checked the caller's role;
 * it writes them and puts every child included on their record's read log ({@code audit}, "annex-a"). It
 * also uses {@code calendar} (London dates), {@code system} and {@code refusal}.
 * It publishes and listens to no events.
 */
package org.timescales.annexa;
