package org.timescales.oversight;

import java.util.Set;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.timescales.security.Roles;

/**
 * What the header of every page of ours (templates/fragments/header.html) links, for the signed-in user:
 * only the pages their roles may open, so nobody is shown a link that answers 403.
 */
@ControllerAdvice(annotations = Controller.class)
class Navigation {

	private static final Set<String> MANAGERS = Set.of(Roles.TEAM_MANAGER, Roles.SERVICE_MANAGER);

	/** Who may open the timeliness report and download the returns (as their controllers decide). */
	private static final Set<String> REPORTS = Set.of(Roles.AUDITOR, Roles.TEAM_MANAGER, Roles.SERVICE_MANAGER,
			Roles.ADMIN);

	/** Who has tasks in Tasklist: the working roles (an auditor reads, and has none). */
	private static final Set<String> TASKLIST = Set.of(Roles.PRACTITIONER, Roles.TEAM_MANAGER, Roles.SERVICE_MANAGER,
			Roles.ADMIN);

	record Links(String user, boolean myChildren, boolean myTeam, boolean reports, boolean returns, boolean tasklist,
			boolean outbox) {

		static Links of(Viewer viewer) {
			Set<String> g = viewer.groups();
			boolean manager = g.stream().anyMatch(MANAGERS::contains);
			return new Links(viewer.userId(), g.contains(Roles.PRACTITIONER),
					manager || viewer.seesEverything(), g.stream().anyMatch(REPORTS::contains),
					g.stream().anyMatch(REPORTS::contains), g.stream().anyMatch(TASKLIST::contains),
					g.contains(Roles.ADMIN));
		}

	}

	@ModelAttribute("nav")
	Links nav() {
		return Viewer.current().map(Links::of).orElse(null);
	}

}
