package org.dmscloud.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProblemAnswerTest {

    @Test
    void theProblemHasTheApisTypeTitleStatusAndDetail() {
        assertThat(ProblemAnswer.json(404, "not-found", "Not Found", "There is nothing at this address."))
                .isEqualTo("{\"type\":\"https://dmscloud.org/problems/not-found\",\"title\":\"Not Found\",\"status\":404,"
                        + "\"detail\":\"There is nothing at this address.\"}");
    }

    @Test
    void quotesBackslashesAndControlCharactersAreEscapedSoTheJsonStaysWhole() {
        assertThat(ProblemAnswer.json(400, "bad-request", "Bad \"Request\"", "a\\b\nc\u0000"))
                .contains("\"title\":\"Bad \\\"Request\\\"\"")
                .contains("\"detail\":\"a\\\\b\\u000ac\\u0000\"");
    }

    @Test
    void aBrowserAsksForAPageAndAScriptForTheProblem() {
        assertThat(ProblemAnswer.wantsPage(request("text/html,application/xhtml+xml,*/*;q=0.8"))).isTrue();
        assertThat(ProblemAnswer.wantsPage(request("application/json"))).isFalse();
        assertThat(ProblemAnswer.wantsPage(request(null))).isFalse();
    }

    private static javax.servlet.http.HttpServletRequest request(String accept) {
        return (javax.servlet.http.HttpServletRequest) java.lang.reflect.Proxy.newProxyInstance(ProblemAnswerTest.class.getClassLoader(),
                new Class<?>[] { javax.servlet.http.HttpServletRequest.class },
                (proxy, method, arguments) -> method.getName().equals("getHeader") && "Accept".equals(arguments[0]) ? accept : null);
    }
}
