package org.timescales.workqueue;

import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** A refused form value reaches the Tasklist user as our own sentence, with 400, not the engine's wrapping. */
class TasklistErrorMessagesTest {

	private static final String ENGINE_ERROR = "{\"type\":\"ProcessEngineException\",\"message\":\"Cannot submit task form "
			+ "dbbd8a16: ENGINE-03051 There was an exception while invoking the TaskListener. Message: "
			+ "'org.camunda.bpm.engine.BadUserRequestException: visitDate: 2027-01-06 is in the future'\",\"code\":0}";

	@Test
	void aRefusedDateIsShownAsTheSentenceThatNamesTheField() throws Exception {
		MockHttpServletResponse response = submit(500, ENGINE_ERROR);

		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(response.getContentAsString()).contains("\"message\":\"visitDate: 2027-01-06 is in the future\"")
			.contains("\"type\":\"ProcessEngineException\"");
	}

	@Test
	void aRefusedDateCompletedThroughEngineRestIsTheSameSentence() throws Exception {
		String error = "{\"type\":\"RestException\",\"message\":\"Cannot complete task dbbd8a16: ENGINE-03051 There was "
				+ "an exception while invoking the TaskListener. Message: 'org.camunda.bpm.engine.BadUserRequestException: "
				+ "visitDate: 2027-01-06 is in the future'\",\"code\":0}";
		for (String path : new String[] { "/engine-rest/task/abc/complete", "/engine-rest/task/abc/submit-form" }) {
			MockHttpServletResponse response = post(path, 500, error);

			assertThat(response.getStatus()).as(path).isEqualTo(400);
			assertThat(response.getContentAsString()).as(path)
				.contains("\"message\":\"visitDate: 2027-01-06 is in the future\"");
		}
	}

	@Test
	void onlyTaskCompletionsAreRewritten() throws Exception {
		String error = "{\"type\":\"RestException\",\"message\":\"x: 'org.camunda.bpm.engine.BadUserRequestException: "
				+ "visitDate: 2027-01-06 is in the future'\"}";
		assertThat(post("/engine-rest/process-instance/abc/variables", 500, error).getStatus()).isEqualTo(500);
		assertThat(post("/engine-rest/external-task/abc/complete", 500, error).getStatus()).isEqualTo(500);
	}

	@Test
	void otherErrorsAndSuccessesPassUntouched() throws Exception {
		String other = "{\"type\":\"AuthorizationException\",\"message\":\"The user 'x' does not have 'UPDATE'\"}";
		assertThat(submit(403, other).getContentAsString()).isEqualTo(other);
		assertThat(submit(403, other).getStatus()).isEqualTo(403);
		assertThat(submit(204, "").getStatus()).isEqualTo(204);
	}

	private static MockHttpServletResponse submit(int status, String body) throws Exception {
		return post("/camunda/api/engine/engine/default/task/abc/submit-form", status, body);
	}

	private static MockHttpServletResponse post(String path, int status, String body) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
		MockHttpServletResponse response = new MockHttpServletResponse();
		new TasklistErrorMessages().doFilter(request, response, (req, res) -> {
			HttpServletResponse http = (HttpServletResponse) res;
			http.setStatus(status);
			http.getOutputStream().write(body.getBytes());
		});
		return response;
	}

}
