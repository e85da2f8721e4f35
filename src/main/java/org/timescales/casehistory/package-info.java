/**
 * A case's history, read once for everything that reports on it: the CIN census
 * ({@code returns}), Ofsted's Annex A ({@code annexa}) and the case timeline ({@code timeline}),
 * which take what {@link org.timescales.casehistory.CaseHistory} gives and only write it out.
 * <p>
 * A case's {@link org.timescales.casehistory.Stage stages} are the casework processes started under
 * its case reference, each with what it recorded read as what it means ({@code cinClosureDate()},
 * {@code s47StartDate()}, …) and its clocks; the timeline's
 * {@link org.timescales.casehistory.ProcessRun processes} add the oversight of that work
 * (escalations, supervision) with their tasks and variable updates. A child in need
 * {@link org.timescales.casehistory.Episode episode}, and the reason it closed, is counted one way for
 * both returns.
 * <p>
 * What it hides: the engine's history API and its authorizations; how a process's variables are
 * merged (process scope over a task's own) and what they are called; and which processes are
 * machinery rather than casework, decided here once ({@link org.timescales.casehistory.CaseHistory#isStage},
 * {@link org.timescales.casehistory.CaseHistory#isShown}): a clock's watcher ({@code deadlineWatch})
 * is never a stage, in a return or on a timeline; escalations and supervision are on the timeline only.
 */
package org.timescales.casehistory;
