/**
 * Ofsted's ILACS Annex A for a period, as an .xlsx workbook for inspection laid out column for column
 * as the template councils exchange ({@code GET /api/returns/annex-a?from=&to=}, auditors, managers and
 * administrators only): lists 1–11 with the template's sheet names, headings, code values and date
 * format; referrals, assessments, section 47 enquiries, child in need episodes, protection plans,
 * periods of care and care leavers, with who held each child at the end of the period. Lists 1, 2, 10
 * and 11 (contacts, early help, adoption, adopters) have headings only: Timescales does not hold them.
 * <p>
 * Its public surface is {@link org.timescales.annexa.AnnexAExport}; the rest is internal: the layout
 * ({@code AnnexALists}, checked against the template by {@code AnnexATemplateTest}), the code lists
 * ({@code Codes}), the check of every cell and the writing ({@code AnnexAWorkbook}). It owns no table
 * and reads no history itself: a case's stages, with typed values and clocks, and its processes' field
 * updates (placement changes) come from {@code casehistory}, the referrals and holdings from
 * {@code casefile}, once the controller has checked the caller's role; nothing leaves until every cell
 * fits its column, and every child included is put on their record's read log ({@code audit},
 * "annex-a"). It also uses {@code calendar} (London dates), {@code lookedafter}, {@code pathway} and
 * {@code referral} (process keys and variable names), {@code web} (the problem detail of a workbook
 * that does not fit) and {@code refusal}. It publishes and listens to no events.
 */
package org.timescales.annexa;
