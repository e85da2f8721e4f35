/**
 * Shared infrastructure: who may reach, see and change what. People sign in against Camunda's identity
 * service (the same users and groups for our API, the engine's REST API and the webapps); a case is seen and
 * changed by the team that holds it, its managers, auditors (read only) and administrators, checked by our
 * API before any controller under {@code /api/cases/{caseRef}} runs and by the door in front of the engine's
 * APIs, which answers only what working one's queue needs; the engine's own authorizations are role-wide, set
 * at start-up, plus each task's candidates and assignee. Failed sign-ins are throttled per client, and
 * answers that can carry a child's data are never stored.
 * <p>
 * Other modules use {@link org.timescales.security.CaseAccess} (may this user read or change this case,
 * manage this team), {@link org.timescales.security.Access} (the BPMN bean {@code access}: every process's
 * start listener ties its tasks to the holding team; a transfer narrows a task's grants),
 * {@link org.timescales.security.AsSystem} (engine reads without the user's authorizations, once the caller
 * has decided what they may see), {@link org.timescales.security.Qualifications} (who may hold and work which
 * work) and {@link org.timescales.security.Roles} (the role groups). Everything else is internal: the filter
 * chains ({@code SecurityConfig}), {@code EngineApiDoor}, the start-up grants ({@code EngineAuthorizations},
 * {@code AdministratorsGrant}) and the engine's checks of them ({@code EngineAuthorizationChecks}), the sign-in and its throttle, the request filters. It owns no table: users,
 * groups and authorizations are the engine's.
 * <p>
 * Depends on {@code casefile} (the case's holding team), {@code team} (who manages a team, a person's
 * groups), {@code rules} (the configured teams and services, the qualified work), {@code system} (a lost
 * database answers 503, not 401), {@code refusal} (404) and {@code web} (the problem details of its 401, 403 and
 * 429). It publishes
 * {@link org.timescales.casefile.CaseRecordRead} for each task read through the engine's APIs and each
 * refused read of a case, for the {@code audit} read log, and listens to Spring Security's sign-in success
 * and failure events (the throttle).
 */
package org.timescales.security;
