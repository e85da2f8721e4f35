package org.timescales.attack;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.timescales.ProcessTestSupport;
import org.timescales.TimescalesTest;
import org.timescales.referral.ReferralRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.timescales.attack.RawHttp.basic;

/**
 * {@code camunda-admin} is the engine's administrators' group: its members open Cockpit and Admin, see
 * every team's instances, and unlock a colleague's account. No user exists that the test did not make
 * (the demo users are the demo profile's only).
 */
@TimescalesTest
class AdminGroupTest extends ProcessTestSupport {

	@LocalServerPort
	int port;

	@Autowired
	ObjectMapper json;

	@Test
	void anAdministratorOpensCockpitAndAdminAndSeesEveryTeamsInstances() throws Exception {
		clockAt("2026-11-23T10:30:00Z");
		String north = newCaseRef("ADMN");
		String south = newCaseRef("ADMS");
		referrals.receive(new ReferralRequest("REF-" + north, new ReferralRequest.Child(north, "N", "Child", "2016-05-01", "F"),
				"2026-11-23T10:00:00", "2A", "north"));
		referrals.receive(new ReferralRequest("REF-" + south, new ReferralRequest.Child(south, "S", "Child", "2016-05-01", "F"),
				"2026-11-23T10:00:00", "2A", "south"));

		for (String app : List.of("cockpit", "admin")) {
			RawHttp.Answer login = new RawHttp(port, "127.0.0.1").webappLogin(app, "admin.one", "secret-admin.one");
			assertThat(login.status()).as(app + ": " + login.body()).isEqualTo(200);
			assertThat(json.readTree(login.body()).get("authorizedApps").toString()).contains("cockpit", "admin",
					"tasklist");
		}
		RawHttp http = new RawHttp(port, "127.0.0.1");
		String admin = basic("admin.one", "secret-admin.one");
		for (String caseRef : List.of(north, south)) {
			// the case's referral (its decision clock's watcher runs under the case's key too)
			assertThat(list(http.get("/engine-rest/process-instance?processDefinitionKey=referral&businessKey=" + caseRef,
					"Authorization", admin))).as(caseRef).hasSize(1);
			assertThat(list(http.get("/engine-rest/history/process-instance?processDefinitionKey=referral"
					+ "&processInstanceBusinessKey=" + caseRef, "Authorization", admin))).as(caseRef).hasSize(1);
		}
		RawHttp cockpit = new RawHttp(port, "127.0.0.1");
		assertThat(cockpit.webappLogin("cockpit", "admin.one", "secret-admin.one").status()).isEqualTo(200);
		assertThat(list(cockpit.get(
				"/camunda/api/engine/engine/default/process-instance?processDefinitionKey=referral&businessKey=" + south)))
			.hasSize(1);

		// nobody the test did not make: no default users outside the demo profile
		assertThat(identityService.createUserQuery().userIdIn("admin", "demo", "sam", "jo", "mia", "raj", "lee", "ava")
			.count()).isZero();
	}

	@Test
	void anAdministratorUnlocksALockedOutColleagueInAdmin() {
		user("locked.colleague", "practitioner", "north");
		// locked as Camunda locks an account (its failures counted to the limit, the lock until far ahead)
		jdbc.sql("update ACT_ID_USER set ATTEMPTS_ = 10, LOCK_EXP_TIME_ = ? where ID_ = ?")
			.params(Timestamp.from(Instant.parse("2099-01-01T00:00:00Z")), "locked.colleague")
			.update();
		RawHttp colleague = new RawHttp(port, "127.0.0.51");
		String password = basic("locked.colleague", "secret-locked.colleague");
		assertThat(colleague.get("/engine-rest/engine", "Authorization", password).status()).isEqualTo(401);

		RawHttp admin = new RawHttp(port, "127.0.0.1");
		RawHttp.Answer login = admin.webappLogin("admin", "admin.one", "secret-admin.one");
		assertThat(login.status()).as(login.body()).isEqualTo(200);
		RawHttp.Answer unlock = admin.send("POST", "/camunda/api/engine/engine/default/user/locked.colleague/unlock", "",
				"Content-Type", "application/json", "Accept", "application/json");
		assertThat(unlock.status()).as(unlock.body()).isEqualTo(204);

		assertThat(colleague.get("/engine-rest/engine", "Authorization", password).status()).isEqualTo(200);
	}

	private JsonNode list(RawHttp.Answer answer) throws Exception {
		assertThat(answer.status()).as(answer.body()).isEqualTo(200);
		return json.readTree(answer.body());
	}

}
