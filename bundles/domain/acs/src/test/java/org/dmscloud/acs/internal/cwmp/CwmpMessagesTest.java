package org.dmscloud.acs.internal.cwmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** CWMP envelopes as CPE devices send them, read; the ACS's answers written; whatever else refused with fault 8003. */
class CwmpMessagesTest {

    /** An Inform as a home gateway sends it after its first boot (TR-069 A.3.3.1), in the given namespace. */
    static String inform(String namespace) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <soap-env:Envelope xmlns:soap-env="http://schemas.xmlsoap.org/soap/envelope/" xmlns:soap-enc="http://schemas.xmlsoap.org/soap/encoding/"
                    xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:cwmp="%s">
                  <soap-env:Header><cwmp:ID soap-env:mustUnderstand="1">1234</cwmp:ID></soap-env:Header>
                  <soap-env:Body>
                    <cwmp:Inform>
                      <DeviceId><Manufacturer>Acme &amp; Sons</Manufacturer><OUI>00D09E</OUI><ProductClass>HG8245</ProductClass><SerialNumber>SN0001</SerialNumber></DeviceId>
                      <Event soap-enc:arrayType="cwmp:EventStruct[2]">
                        <EventStruct><EventCode>0 BOOTSTRAP</EventCode><CommandKey></CommandKey></EventStruct>
                        <EventStruct><EventCode>1 BOOT</EventCode><CommandKey/></EventStruct>
                      </Event>
                      <MaxEnvelopes>1</MaxEnvelopes>
                      <CurrentTime>2026-11-30T10:00:00Z</CurrentTime>
                      <RetryCount>0</RetryCount>
                      <ParameterList soap-enc:arrayType="cwmp:ParameterValueStruct[2]">
                        <ParameterValueStruct><Name>InternetGatewayDevice.DeviceInfo.SoftwareVersion</Name><Value xsi:type="xsd:string">V3.1</Value></ParameterValueStruct>
                        <ParameterValueStruct><Name>InternetGatewayDevice.ManagementServer.ConnectionRequestURL</Name><Value xsi:type="xsd:string">http://10.0.0.2:7547/cr</Value></ParameterValueStruct>
                      </ParameterList>
                    </cwmp:Inform>
                  </soap-env:Body>
                </soap-env:Envelope>
                """.formatted(namespace);
    }

    @ParameterizedTest
    @EnumSource(CwmpVersion.class)
    void anInformIsReadInEachCwmpVersion(CwmpVersion version) {
        CwmpMessage message = CwmpReader.read(inform(version.namespace()).getBytes(StandardCharsets.UTF_8));

        assertThat(message.version()).isEqualTo(version);
        assertThat(message.id()).contains("1234");
        assertThat(message.method()).isEqualTo("Inform");
        Inform inform = message.inform().orElseThrow();
        assertThat(inform.device()).isEqualTo(new Inform.DeviceId("Acme & Sons", "00D09E", "HG8245", "SN0001"));
        assertThat(inform.events()).extracting(Inform.Event::code).containsExactly("0 BOOTSTRAP", "1 BOOT");
        assertThat(inform.parameters()).containsEntry("InternetGatewayDevice.DeviceInfo.SoftwareVersion", "V3.1")
                .containsEntry("InternetGatewayDevice.ManagementServer.ConnectionRequestURL", "http://10.0.0.2:7547/cr");
        assertThat(inform.maxEnvelopes()).isEqualTo(1);
    }

    @Test
    void theAnswerToAnInformSpeaksTheCpesNamespaceWithItsId() {
        String answer = CwmpWriter.informResponse(CwmpVersion.V1_2, Optional.of("1234"));

        assertThat(answer).contains("xmlns:cwmp=\"urn:dslforum-org:cwmp-1-2\"", "<cwmp:ID soap:mustUnderstand=\"1\">1234</cwmp:ID>",
                "<cwmp:InformResponse><MaxEnvelopes>1</MaxEnvelopes></cwmp:InformResponse>");
        assertThat(CwmpReader.read(answer.getBytes(StandardCharsets.UTF_8)).method()).as("well-formed, readable SOAP").isEqualTo("InformResponse");
    }

    @Test
    void transferCompleteAndGetRpcMethodsAreRead() {
        String transfer = """
                <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:cwmp="urn:dslforum-org:cwmp-1-0"><soap:Body>
                <cwmp:TransferComplete><CommandKey>fw-2026-11</CommandKey><FaultStruct><FaultCode>0</FaultCode><FaultString/></FaultStruct>
                <StartTime>2026-11-30T10:00:00Z</StartTime><CompleteTime>2026-11-30T10:01:00Z</CompleteTime></cwmp:TransferComplete></soap:Body></soap:Envelope>""";
        CwmpMessage complete = CwmpReader.read(transfer.getBytes(StandardCharsets.UTF_8));
        assertThat(complete.method()).isEqualTo("TransferComplete");
        assertThat(complete.commandKey()).contains("fw-2026-11");
        assertThat(complete.id()).isEmpty();

        String methods = CwmpWriter.getRpcMethodsResponse(CwmpVersion.V1_0, Optional.empty());
        assertThat(methods).contains("<string>Inform</string>", "<string>TransferComplete</string>").doesNotContain("cwmp:ID");
    }

    @Test
    void aFaultSaysItsCodeInsideASoapFaultAndEscapesTheDetail() {
        String fault = CwmpWriter.fault(CwmpVersion.V1_4, Optional.of("<7>"), CwmpFault.INVALID_ARGUMENTS, "The OUI is missing <here> & \u0000there");

        assertThat(fault).contains("<faultcode>Client</faultcode>", "<FaultCode>8003</FaultCode>",
                "<FaultString>Invalid arguments: The OUI is missing &lt;here&gt; &amp; there</FaultString>", "&lt;7&gt;</cwmp:ID>");
        assertThat(CwmpWriter.fault(CwmpVersion.V1_0, Optional.empty(), CwmpFault.INTERNAL_ERROR, "")).contains("<faultcode>Server</faultcode>");
    }

    @Test
    void whatIsNoCwmpEnvelopeIsRefusedWithInvalidArguments() {
        for (String broken : new String[] { "", "not xml", "<a/>", "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"/>",
                inform("urn:dslforum-org:cwmp-9-9"), inform("urn:dslforum-org:cwmp-1-0").replace("<OUI>00D09E</OUI>", ""),
                inform("urn:dslforum-org:cwmp-1-0").replace("<MaxEnvelopes>1", "<MaxEnvelopes>one"),
                inform("urn:dslforum-org:cwmp-1-0").replace("<OUI>00D09E</OUI>", "<OUI>00D09E'; --</OUI>"),
                inform("urn:dslforum-org:cwmp-1-0").replace("SN0001", "S".repeat(65)),
                inform("urn:dslforum-org:cwmp-1-0").substring(0, 600) }) {
            assertThatThrownBy(() -> CwmpReader.read(broken.getBytes(StandardCharsets.UTF_8))).as(broken)
                    .isInstanceOfSatisfying(CwmpException.class, e -> assertThat(e.fault()).isEqualTo(CwmpFault.INVALID_ARGUMENTS));
        }
    }

    /** No DTD: neither a file read through an external entity nor a billion laughs. */
    @Test
    void entitiesAreNeverExpanded() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + inform("urn:dslforum-org:cwmp-1-0").replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", "").replace("SN0001", "&x;");
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
                + inform("urn:dslforum-org:cwmp-1-0").replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", "").replace("SN0001", "&b;");

        for (String hostile : new String[] { xxe, laughs }) {
            assertThatThrownBy(() -> CwmpReader.read(hostile.getBytes(StandardCharsets.UTF_8))).isInstanceOf(CwmpException.class);
        }
    }

    @Test
    void anInformWithTooManyParametersIsRefusedNotStored() {
        StringBuilder many = new StringBuilder();
        for (int i = 0; i <= CwmpReader.MAX_PARAMETERS; i++) {
            many.append("<ParameterValueStruct><Name>P.").append(i).append("</Name><Value>v</Value></ParameterValueStruct>");
        }
        String big = inform("urn:dslforum-org:cwmp-1-0").replaceFirst("(<ParameterList[^>]*>)", "$1" + many);

        assertThatThrownBy(() -> CwmpReader.read(big.getBytes(StandardCharsets.UTF_8))).hasMessageContaining("More than 1000 parameters");
    }

    @Test
    void theDevicesAnswersAreReadValuesOfAGetAndFaultsWithEachRefusedParameter() {
        String values = """
                <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:cwmp="urn:dslforum-org:cwmp-1-2">
                  <soap:Header><cwmp:ID soap:mustUnderstand="1">task-1</cwmp:ID></soap:Header>
                  <soap:Body><cwmp:GetParameterValuesResponse><ParameterList>
                    <ParameterValueStruct><Name>Device.DeviceInfo.SoftwareVersion</Name><Value>2.1</Value></ParameterValueStruct>
                    <ParameterValueStruct><Name>Device.Time.Enable</Name><Value>true</Value></ParameterValueStruct>
                  </ParameterList></cwmp:GetParameterValuesResponse></soap:Body>
                </soap:Envelope>""";
        CwmpMessage read = CwmpReader.read(values.getBytes(StandardCharsets.UTF_8));
        assertThat(read.id()).hasValue("task-1");
        assertThat(read.values()).containsExactly(java.util.Map.entry("Device.DeviceInfo.SoftwareVersion", "2.1"),
                java.util.Map.entry("Device.Time.Enable", "true"));

        String fault = """
                <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:cwmp="urn:dslforum-org:cwmp-1-2">
                  <soap:Header><cwmp:ID soap:mustUnderstand="1">task-2</cwmp:ID></soap:Header>
                  <soap:Body><soap:Fault><faultcode>Client</faultcode><faultstring>CWMP fault</faultstring><detail><cwmp:Fault>
                    <FaultCode>9003</FaultCode><FaultString>Invalid arguments</FaultString>
                    <SetParameterValuesFault><ParameterName>Device.Time.Enable</ParameterName><FaultCode>9008</FaultCode>
                      <FaultString>Attempt to set a non-writable parameter</FaultString></SetParameterValuesFault>
                  </cwmp:Fault></detail></soap:Fault></soap:Body>
                </soap:Envelope>""";
        CwmpMessage refused = CwmpReader.read(fault.getBytes(StandardCharsets.UTF_8));
        assertThat(refused.method()).isEqualTo("Fault");
        assertThat(refused.version()).isEqualTo(CwmpVersion.V1_2);
        assertThat(refused.fault()).hasValue(new CwmpMessage.CpeFault(9003, "Invalid arguments",
                java.util.Map.of("Device.Time.Enable", "9008 Attempt to set a non-writable parameter")));
        assertThatThrownBy(() -> CwmpReader.read(fault.replace("<FaultCode>9003</FaultCode>", "").replace("<FaultCode>9008</FaultCode>", "")
                .getBytes(StandardCharsets.UTF_8))).isInstanceOf(CwmpException.class);
    }

    @Test
    void theAcsRequestsCarryTheTaskAsTheirIdAndEscapeWhatTheCustomerGave() {
        assertThat(CwmpWriter.reboot(CwmpVersion.V1_0, "t-1", "key1")).contains("xmlns:cwmp=\"urn:dslforum-org:cwmp-1-0\"")
                .contains("<cwmp:ID soap:mustUnderstand=\"1\">t-1</cwmp:ID>").contains("<cwmp:Reboot><CommandKey>key1</CommandKey></cwmp:Reboot>");
        assertThat(CwmpWriter.factoryReset(CwmpVersion.V1_4, "t-2")).contains("<cwmp:FactoryReset/>");
        assertThat(CwmpWriter.getParameterValues(CwmpVersion.V1_2, "t-3", java.util.List.of("Device.DeviceInfo.", "Device.Time.Enable")))
                .contains("<ParameterNames soap-enc:arrayType=\"xsd:string[2]\"><string>Device.DeviceInfo.</string><string>Device.Time.Enable</string>");
        String set = CwmpWriter.setParameterValues(CwmpVersion.V1_2, "t-4",
                java.util.List.of(new org.dmscloud.api.acs.ParameterValue("Device.X.Name", "<b>&\"", "xsd:string")), "k");
        assertThat(set).contains("<Name>Device.X.Name</Name><Value xsi:type=\"xsd:string\">&lt;b&gt;&amp;")
                .contains("<ParameterKey>k</ParameterKey>");
        assertThat(CwmpReader.read(set.getBytes(StandardCharsets.UTF_8)).method()).as("well-formed").isEqualTo("SetParameterValues");
        assertThat(textOf(set, "Value")).as("what a parser reads back").isEqualTo("<b>&\"");
    }

    @Test
    void whatXmlCannotCarryIsLeftOutSoThatTheEnvelopeStaysWellFormed() {
        String value = "a\u0001b\uFFFEc\uD800d\uD83D\uDE00e\tf";
        String set = CwmpWriter.setParameterValues(CwmpVersion.V1_2, "t-5",
                java.util.List.of(new org.dmscloud.api.acs.ParameterValue("Device.X.Name", value, "xsd:string\u0002")), "k\u0000");

        assertThat(CwmpReader.read(set.getBytes(StandardCharsets.UTF_8)).method()).as("well-formed").isEqualTo("SetParameterValues");
        assertThat(textOf(set, "Value")).as("the control character, the non-character and the lone surrogate left out; the emoji and the tab kept")
                .isEqualTo("abcd\uD83D\uDE00e\tf");
        assertThat(set).contains("xsi:type=\"xsd:string\"", "<ParameterKey>k</ParameterKey>");
    }

    private static String textOf(String xml, String element) {
        try {
            javax.xml.stream.XMLStreamReader reader = javax.xml.stream.XMLInputFactory.newFactory()
                    .createXMLStreamReader(new java.io.StringReader(xml));
            while (reader.hasNext()) {
                if (reader.next() == javax.xml.stream.XMLStreamConstants.START_ELEMENT && element.equals(reader.getLocalName())) {
                    return reader.getElementText();
                }
            }
            throw new AssertionError("no " + element + " in " + xml);
        } catch (javax.xml.stream.XMLStreamException e) {
            throw new AssertionError(xml, e);
        }
    }
}
