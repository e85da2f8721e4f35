/**
 * The way to the family court.
 * <ul>
 * <li>Pre-proceedings under the Public Law Outline ({@code bpmn/preProceedings.bpmn}): the legal planning
 * meeting's decision, the letter before proceedings with its family group decision-making offer and the
 * family's answer, the initial and review meetings under the 16-week clock, and the outcome. Started by
 * {@code POST /api/cases/{ref}/pre-proceedings} ({@code PreProceedingsController}) or from a plan's review
 * (the {@code LegalPlanningMeetingRequested} message). {@code PreProceedings} is the process's bean: the
 * FGDM duty's gate (Children Act 1989 s.31ZA, in force from {@code timescales.law.fgdm-offer-from}) and
 * the hand-over to the court.</li>
 * <li>Care or supervision proceedings ({@code bpmn/careProceedings.bpmn}): the application the court
 * issued, the hearings it lists, the 26-week clock beginning with the day of issue and the court's
 * extensions of up to 8 weeks at a time (s.32), and the final order, which hands a child on to the
 * looked-after process. Started by the {@code CareProceedingsStarted} message, from pre-proceedings or
 * {@code POST /api/cases/{ref}/care-proceedings} ({@code CareProceedingsController}).</li>
 * </ul>
 * The process keys and variable names are {@code PreProceedingsVariables} and
 * {@code CareProceedingsVariables}, which {@code casehistory} reads for the CIN census's 2026-27
 * pre-proceedings module. It owns no table. Depends on {@code casefile} (the case, its team, its clocks),
 * {@code clock} (opening, stopping and extending clocks), {@code rules}, {@code calendar},
 * {@code lookedafter} (a care order's child), {@code pathway}, {@code security}, {@code team} and
 * {@code refusal}. It publishes and listens to no events.
 */
package org.timescales.proceedings;
