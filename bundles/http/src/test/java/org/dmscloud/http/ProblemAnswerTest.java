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
}
