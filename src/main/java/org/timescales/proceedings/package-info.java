/**
 * The way to the family court: pre-proceedings under the Public Law Outline ({@code bpmn/preProceedings.bpmn}:
 * the legal planning decision, the letter before proceedings with its family group decision-making offer,
 * the pre-proceedings meetings and the outcome) and care or supervision proceedings
 * ({@code bpmn/careProceedings.bpmn}: the application issued, the hearings the court lists, the 26-week
 * clock and its extensions, the final order).
 */
package org.timescales.proceedings;
