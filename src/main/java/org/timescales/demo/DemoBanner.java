package org.timescales.demo;

import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Prints where Timescales is and how to log in, once it is ready. */
@Component
@Profile("demo")
class DemoBanner {

	private static final Logger log = LoggerFactory.getLogger(DemoBanner.class);

	private final Environment environment;

	DemoBanner(Environment environment) {
		this.environment = environment;
	}

	@EventListener(ApplicationReadyEvent.class)
	void ready() {
		String base = "http://localhost:" + environment.getProperty("local.server.port", "8080");
		String logins = DemoData.USERS.stream()
			.map(u -> String.format("    %-6s / %s   %s %s (%s)", u.get(0), DemoData.PASSWORD, u.get(1), u.get(2),
					u.get(3).replace(",", ", ")))
			.collect(Collectors.joining("\n"));
		log.info("""

				==================================================================
				  Timescales is running (demo profile)
				    Start page:            {}/start
				    Tasklist and Cockpit:  {}/camunda/app/
				    Breaches (managers):   {}/oversight
				    Caseloads (managers):  {}/oversight/caseloads
				    A child's case:        {}/cases/DEMO-C-0003
				    API (signed in):       {}/v3/api-docs, {}/swagger-ui.html
				    Mail outbox (admin):   {}/admin/outbox
				  Demo logins (user / password):
				{}
				==================================================================""", base, base, base, base, base, base, base,
				base, logins);
	}

}
