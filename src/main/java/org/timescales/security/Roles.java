package org.timescales.security;

/** The Camunda groups that are roles (teams are groups too, named in timescales.teams). */
public final class Roles {

	public static final String PRACTITIONER = "practitioner";

	/** A worker's qualification, one of these three besides {@link #PRACTITIONER} (see qualified-work). */
	public static final String SOCIAL_WORKER = "social-worker";

	/** A lead practitioner who is not a social worker: holds child in need work under supervision. */
	public static final String FAMILY_PRACTITIONER = "family-practitioner";

	/** A child protection lead practitioner (five years post-qualifying): holds complex protection cases. */
	public static final String CP_LEAD_PRACTITIONER = "cp-lead-practitioner";

	public static final String TEAM_MANAGER = "team-manager";

	public static final String SERVICE_MANAGER = "service-manager";

	public static final String AUDITOR = "auditor";

	/** Camunda's administrators' group: the engine lets its members do anything. */
	public static final String ADMIN = "camunda-admin";

	/** A front-door (MASH) system or worker that records referrals for any team. */
	public static final String FRONT_DOOR = "front-door";

	/**
	 * Not a group anyone belongs to: the engine sees it only while one of our audited commands
	 * ({@code /api}) runs for a person (EngineUserFilter), so that the command may start processes,
	 * correct dates and move due dates that the person may not touch through the engine's API. Its
	 * colon keeps it out of the identity service: group ids there are [a-zA-Z0-9._-].
	 */
	public static final String COMMANDS = "timescales:commands";

	/**
	 * Likewise for every request to our own API and pages: they check each case themselves (CaseAccess)
	 * before reading it, so the engine lets them read any instance, task and history. The engine's own
	 * API never sees it.
	 */
	public static final String READS = "timescales:reads";

	/** Who may change a case through our API and pages at all (each command checks the case too). */
	public static final java.util.List<String> WRITERS = java.util.List.of(PRACTITIONER, TEAM_MANAGER, SERVICE_MANAGER,
			FRONT_DOOR, ADMIN);

	private Roles() {
	}

}
