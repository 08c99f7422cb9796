package org.dmscloud.acs.internal.cwmp;

import java.util.List;
import java.util.Optional;

import org.dmscloud.api.acs.ParameterValue;
import org.dmscloud.http.Markup;

/**
 * Writes the ACS's envelopes, in the CWMP namespace the CPE spoke and with the {@code cwmp:ID} it sent (TR-069 A.3):
 * the answers to its requests and the faults. Every value is escaped for XML.
 */
public final class CwmpWriter {

    /** The RPCs the ACS takes from a CPE, as GetRPCMethods answers them. */
    public static final List<String> ACS_METHODS = List.of("Inform", "GetRPCMethods", "TransferComplete", "AutonomousTransferComplete");

    private CwmpWriter() {
    }

    /** The answer to an Inform; MaxEnvelopes is 1, as TR-069 requires of an ACS. */
    public static String informResponse(CwmpVersion version, Optional<String> id) {
        return envelope(version, id, "<cwmp:InformResponse><MaxEnvelopes>1</MaxEnvelopes></cwmp:InformResponse>");
    }

    public static String transferCompleteResponse(CwmpVersion version, Optional<String> id, String method) {
        return envelope(version, id, "<cwmp:" + method + "Response/>");
    }

    public static String getRpcMethodsResponse(CwmpVersion version, Optional<String> id) {
        StringBuilder list = new StringBuilder("<cwmp:GetRPCMethodsResponse><MethodList soap-enc:arrayType=\"xsd:string[")
                .append(ACS_METHODS.size()).append("]\">");
        ACS_METHODS.forEach(method -> list.append("<string>").append(method).append("</string>"));
        return envelope(version, id, list.append("</MethodList></cwmp:GetRPCMethodsResponse>").toString());
    }

    /** The ACS's Reboot request; the command key (at most 32 characters) comes back in the device's M Reboot event. */
    public static String reboot(CwmpVersion version, String id, String commandKey) {
        return envelope(version, Optional.of(id), "<cwmp:Reboot><CommandKey>" + Markup.escape(commandKey) + "</CommandKey></cwmp:Reboot>");
    }

    public static String factoryReset(CwmpVersion version, String id) {
        return envelope(version, Optional.of(id), "<cwmp:FactoryReset/>");
    }

    /** Asks for the values of these parameters; a name ending in '.' asks for a whole object. */
    public static String getParameterValues(CwmpVersion version, String id, List<String> names) {
        StringBuilder list = new StringBuilder("<cwmp:GetParameterValues><ParameterNames soap-enc:arrayType=\"xsd:string[").append(names.size())
                .append("]\">");
        names.forEach(name -> list.append("<string>").append(Markup.escape(name)).append("</string>"));
        return envelope(version, Optional.of(id), list.append("</ParameterNames></cwmp:GetParameterValues>").toString());
    }

    /**
     * Sets these parameters, each value with its XML schema type ({@code xsd:string}, {@code xsd:unsignedInt}...); the
     * parameter key (at most 32 characters) is what the device keeps as its ParameterKey once they are set.
     */
    public static String setParameterValues(CwmpVersion version, String id, List<ParameterValue> values, String parameterKey) {
        StringBuilder list = new StringBuilder("<cwmp:SetParameterValues><ParameterList soap-enc:arrayType=\"cwmp:ParameterValueStruct[")
                .append(values.size()).append("]\">");
        values.forEach(parameter -> list.append("<ParameterValueStruct><Name>").append(Markup.escape(parameter.name())).append("</Name><Value xsi:type=\"")
                .append(Markup.escape(parameter.type())).append("\">").append(Markup.escape(parameter.value())).append("</Value></ParameterValueStruct>"));
        return envelope(version, Optional.of(id), list.append("</ParameterList><ParameterKey>").append(Markup.escape(parameterKey))
                .append("</ParameterKey></cwmp:SetParameterValues>").toString());
    }

    /** A SOAP Fault carrying the CWMP fault: "Server" for the ACS's own failure, "Client" for the request's. */
    public static String fault(CwmpVersion version, Optional<String> id, CwmpFault fault, String detail) {
        return envelope(version, id, "<soap:Fault><faultcode>" + (fault == CwmpFault.INTERNAL_ERROR ? "Server" : "Client")
                + "</faultcode><faultstring>CWMP fault</faultstring><detail><cwmp:Fault><FaultCode>" + fault.code() + "</FaultCode><FaultString>"
                + Markup.escape(fault.description() + (detail.isEmpty() ? "" : ": " + detail)) + "</FaultString></cwmp:Fault></detail></soap:Fault>");
    }

    private static String envelope(CwmpVersion version, Optional<String> id, String body) {
        String header = id.map(value -> "<soap:Header><cwmp:ID soap:mustUnderstand=\"1\">" + Markup.escape(value) + "</cwmp:ID></soap:Header>").orElse("");
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<soap:Envelope xmlns:soap=\"" + CwmpReader.SOAP_ENV
                + "\" xmlns:soap-enc=\"http://schemas.xmlsoap.org/soap/encoding/\" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" "
                + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:cwmp=\"" + version.namespace() + "\">" + header + "<soap:Body>" + body
                + "</soap:Body></soap:Envelope>";
    }
}
