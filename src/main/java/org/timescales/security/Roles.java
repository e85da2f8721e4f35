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

	private Roles() {
	}

}
