package org.timescales.casefile;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * At start-up, gives an LA child identifier to every case the migration (V9) could not: a case
 * reference too long, or one whose letters and digits another case shares.
 */
@Component
class LaChildIdBackfill implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(LaChildIdBackfill.class);

	private final CaseRepository cases;

	LaChildIdBackfill(CaseRepository cases) {
		this.cases = cases;
	}

	@Override
	public void run(ApplicationArguments args) {
		int assigned = cases.assignMissingLaChildIds();
		if (assigned > 0) {
			log.info("Gave {} case(s) recorded without one an LA child identifier", assigned);
		}
	}

}
