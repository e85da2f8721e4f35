package org.timescales.security;

/** The Camunda groups that are roles (teams are groups too, named in timescales.teams). */
public final class Roles {

	public static final String PRACTITIONER = "practitioner";

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

	private Roles() {
	}

}
