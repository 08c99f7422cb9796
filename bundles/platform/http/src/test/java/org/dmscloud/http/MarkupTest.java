package org.dmscloud.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;

class MarkupTest {

    @Test
    void theFiveMarkupCharactersAreEscapedAndTheRestIsKept() {
        assertThat(Markup.escape("<a href=\"x\">Tom & Jerry's</a> ü €"))
                .isEqualTo("&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt; ü €");
    }

    @Test
    void nothingIsTheEmptyText() {
        assertThat(Markup.escape(null)).isEmpty();
    }

    @Test
    void controlCharactersXmlDoesNotAllowAreDroppedAndTheEnvelopeStaysWellFormed() throws Exception {
        String value = "line\u0000one\ttab\nfeed\rreturn\u001b[31m\u0007";
        String escaped = Markup.escape(value);
        assertThat(escaped).isEqualTo("lineone\ttab\nfeed\rreturn[31m");

        String document = "<Value attribute=\"" + Markup.escape("it's \"quoted\" <here>") + "\">" + escaped + "</Value>";
        var parsed = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
        assertThat(parsed.getAttribute("attribute")).isEqualTo("it's \"quoted\" <here>");
        assertThat(parsed.getTextContent()).isEqualTo("lineone\ttab\nfeed\nreturn[31m");
    }
}
