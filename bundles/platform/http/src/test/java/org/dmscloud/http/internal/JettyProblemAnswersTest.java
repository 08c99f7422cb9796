package org.dmscloud.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.junit.jupiter.api.Test;

class JettyProblemAnswersTest {

    @Test
    void theServerItJoinsAnswersMalformedRequestsWithAProblemAndGetsAPlainHandlerBackWhenItLeaves() {
        Server server = new Server();
        JettyProblemAnswers answers = new JettyProblemAnswers();
        answers.setServer(server);

        HttpFields fields = new HttpFields();
        String body = StandardCharsets.UTF_8.decode(server.getErrorHandler().badMessageError(400, "Ambiguous URI encoding", fields)).toString();
        assertThat(fields.get(HttpHeader.CONTENT_TYPE)).isEqualTo("application/problem+json");
        assertThat(body).startsWith("{\"type\":\"https://dmscloud.org/problems/bad-request\",\"title\":\"Bad Request\",\"status\":400")
                .doesNotContain("Ambiguous");

        answers.restore();
        assertThat(server.getErrorHandler()).isInstanceOf(ErrorHandler.class).isNotInstanceOf(JettyProblemAnswers.ProblemErrorHandler.class);
    }
}
