package org.dmscloud.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecurityHeadersFilterTest {

    @Test
    void aQueryNamingWadlHoweverWrittenIsRecognised() {
        for (String query : new String[] { "_wadl", "_wadl=", "_wadl=true", "x=1&_wadl", "%5Fwadl", "a=1;_WADL", "_type=xml&_wadl" }) {
            assertThat(SecurityHeadersFilter.asksForWadl(query)).as(query).isTrue();
        }
        for (String query : new String[] { null, "", "wadl", "x=_wadl", "_wadlx=1", "%zz" }) {
            assertThat(SecurityHeadersFilter.asksForWadl(query)).as(query).isFalse();
        }
    }
}
