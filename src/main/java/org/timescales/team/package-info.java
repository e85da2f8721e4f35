/**
 * Who answers for a team's work: each team (a Camunda group), its manager, who authorises its assessments and
 * takes first-tier escalations, and its service's manager, who takes the second tier, all from configuration
 * ({@code timescales.teams}, {@code timescales.services}); and people's groups and e-mail addresses from the
 * identity service (database or LDAP alike), with the team's shared mailbox when a person has none, so a mail
 * always has somewhere to go.
 * <p>
 * Its one type, {@link org.timescales.team.Teams}, is its public surface (the BPMN bean {@code teams} too),
 * used by the referral, allocation, escalation, oversight, digest and security modules. It owns no table.
 * Depends on {@code rules} (the configured teams and services). It publishes and listens to no events.
 */
package org.timescales.team;
