package org.dmscloud.acs.internal.cwmp;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a CPE's SOAP envelope. A streaming reader with no DTD and no external entity: an envelope cannot make the ACS
 * read a file or a URL, or expand entities without end. Whatever is not a CWMP envelope (not XML, no SOAP Envelope,
 * an unknown CWMP namespace, an Inform without its DeviceId) is refused with fault 8003, which the servlet answers as
 * a SOAP Fault rather than a server error.
 */
public final class CwmpReader {

    static final String SOAP_ENV = "http://schemas.xmlsoap.org/soap/envelope/";
    /** An Inform's ParameterList is bounded: a CPE that sends more is refused, not stored. */
    static final int MAX_PARAMETERS = 1_000;
    static final int MAX_EVENTS = 64;
    private static final int MAX_TEXT = 4_096;

    private static final XMLInputFactory FACTORY = safeFactory();

    private CwmpReader() {
    }

    public static CwmpMessage read(byte[] envelope) {
        try {
            XMLStreamReader xml = FACTORY.createXMLStreamReader(new ByteArrayInputStream(envelope));
            try {
                return read(xml);
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            throw invalid("The envelope is not well-formed XML: " + e.getMessage().lines().reduce((first, second) -> second).orElse(""));
        }
    }

    private static CwmpMessage read(XMLStreamReader xml) throws XMLStreamException {
        nextElement(xml);
        if (!xml.isStartElement() || !"Envelope".equals(xml.getLocalName()) || !SOAP_ENV.equals(xml.getNamespaceURI())) {
            throw invalid("Not a SOAP 1.1 Envelope.");
        }
        Optional<String> id = Optional.empty();
        CwmpVersion version = null;
        while (nextElement(xml)) {
            if ("Header".equals(xml.getLocalName()) && SOAP_ENV.equals(xml.getNamespaceURI())) {
                while (nextChildOf(xml, "Header")) {
                    if ("ID".equals(xml.getLocalName())) {
                        version = version(xml.getNamespaceURI());
                        id = Optional.of(text(xml));
                    } else {
                        skip(xml);
                    }
                }
            } else if ("Body".equals(xml.getLocalName()) && SOAP_ENV.equals(xml.getNamespaceURI())) {
                if (!nextChildOf(xml, "Body")) {
                    throw invalid("The Body has no RPC.");
                }
                String method = xml.getLocalName();
                CwmpVersion bodyVersion = "Fault".equals(method) && SOAP_ENV.equals(xml.getNamespaceURI()) ? version : version(xml.getNamespaceURI());
                CwmpVersion spoken = bodyVersion == null ? CwmpVersion.V1_0 : bodyVersion;
                return switch (method) {
                case "Inform" -> new CwmpMessage(spoken, id, method, Optional.of(inform(xml)), Optional.empty(), Map.of(), Optional.empty());
                case "TransferComplete", "AutonomousTransferComplete" -> new CwmpMessage(spoken, id, method, Optional.empty(),
                        Optional.of(childText(xml, method, "CommandKey")), Map.of(), Optional.empty());
                case "GetParameterValuesResponse" -> new CwmpMessage(spoken, id, method, Optional.empty(), Optional.empty(), parameterValues(xml, method),
                        Optional.empty());
                case "Fault" -> new CwmpMessage(spoken, id, method, Optional.empty(), Optional.empty(), Map.of(), Optional.of(fault(xml)));
                default -> {
                    skip(xml);
                    yield CwmpMessage.of(spoken, id, method);
                }
                };
            } else {
                skip(xml);
            }
        }
        throw invalid("The Envelope has no Body.");
    }

    private static Inform inform(XMLStreamReader xml) throws XMLStreamException {
        Inform.DeviceId device = null;
        List<Inform.Event> events = new ArrayList<>();
        Map<String, String> parameters = new LinkedHashMap<>();
        int maxEnvelopes = 1;
        String currentTime = "";
        int retryCount = 0;
        while (nextChildOf(xml, "Inform")) {
            switch (xml.getLocalName()) {
            case "DeviceId" -> {
                Map<String, String> fields = fields(xml);
                device = new Inform.DeviceId(fields.getOrDefault("Manufacturer", ""), required(fields, "OUI"), fields.getOrDefault("ProductClass", ""),
                        required(fields, "SerialNumber"));
                // TR-069 A.3.3.1: an OUI is six hexadecimal digits; ProductClass and SerialNumber are at most 64 characters.
                if (!device.oui().matches("[0-9A-Fa-f]{6}") || device.productClass().length() > 64 || device.serialNumber().length() > 64) {
                    throw invalid("The DeviceId is not as TR-069 defines it (OUI of six hexadecimal digits, ProductClass and SerialNumber "
                            + "of at most 64 characters).");
                }
            }
            case "Event" -> {
                while (nextChildOf(xml, "Event")) {
                    Map<String, String> fields = fields(xml);
                    if (events.size() == MAX_EVENTS) {
                        throw invalid("More than " + MAX_EVENTS + " events.");
                    }
                    events.add(new Inform.Event(required(fields, "EventCode"), fields.getOrDefault("CommandKey", "")));
                }
            }
            case "MaxEnvelopes" -> maxEnvelopes = number(text(xml), "MaxEnvelopes");
            case "CurrentTime" -> currentTime = text(xml);
            case "RetryCount" -> retryCount = number(text(xml), "RetryCount");
            case "ParameterList" -> {
                while (nextChildOf(xml, "ParameterList")) {
                    Map<String, String> fields = fields(xml);
                    if (parameters.size() == MAX_PARAMETERS) {
                        throw invalid("More than " + MAX_PARAMETERS + " parameters.");
                    }
                    parameters.put(required(fields, "Name"), fields.getOrDefault("Value", ""));
                }
            }
            default -> skip(xml);
            }
        }
        if (device == null) {
            throw invalid("The Inform has no DeviceId.");
        }
        return new Inform(device, events, maxEnvelopes, currentTime, retryCount, parameters);
    }

    /** A GetParameterValuesResponse's ParameterList, name to value. */
    private static Map<String, String> parameterValues(XMLStreamReader xml, String method) throws XMLStreamException {
        Map<String, String> values = new LinkedHashMap<>();
        while (nextChildOf(xml, method)) {
            if (!"ParameterList".equals(xml.getLocalName())) {
                skip(xml);
                continue;
            }
            while (nextChildOf(xml, "ParameterList")) {
                Map<String, String> fields = fields(xml);
                if (values.size() == MAX_PARAMETERS) {
                    throw invalid("More than " + MAX_PARAMETERS + " parameters.");
                }
                values.put(required(fields, "Name"), fields.getOrDefault("Value", ""));
            }
        }
        return values;
    }

    /**
     * A SOAP Fault with the CPE's cwmp:Fault in its detail: its FaultCode and FaultString, and for a SetParameterValues
     * each SetParameterValuesFault. Walked by depth, since the SOAP Fault and the cwmp:Fault share their local name.
     */
    private static CwmpMessage.CpeFault fault(XMLStreamReader xml) throws XMLStreamException {
        int depth = 1;
        int code = 0;
        String string = "";
        Map<String, String> parameterFaults = new LinkedHashMap<>();
        Map<String, String> parameterFault = null;
        while (depth > 0 && xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = xml.getLocalName();
                if ("SetParameterValuesFault".equals(name)) {
                    parameterFault = new LinkedHashMap<>();
                    depth++;
                } else if (name.equals("FaultCode") || name.equals("FaultString") || name.equals("ParameterName")) {
                    String text = text(xml);
                    if (parameterFault != null) {
                        parameterFault.put(name, text);
                    } else if (name.equals("FaultCode")) {
                        code = number(text, "FaultCode");
                    } else if (name.equals("FaultString")) {
                        string = text;
                    }
                } else {
                    depth++;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                if ("SetParameterValuesFault".equals(xml.getLocalName()) && parameterFault != null) {
                    if (parameterFaults.size() == MAX_PARAMETERS) {
                        throw invalid("More than " + MAX_PARAMETERS + " parameter faults.");
                    }
                    parameterFaults.put(parameterFault.getOrDefault("ParameterName", ""),
                            (parameterFault.getOrDefault("FaultCode", "") + " " + parameterFault.getOrDefault("FaultString", "")).trim());
                    parameterFault = null;
                }
                depth--;
            }
        }
        if (code == 0) {
            throw invalid("The Fault has no cwmp:Fault with a FaultCode.");
        }
        return new CwmpMessage.CpeFault(code, string, parameterFaults);
    }

    /** The simple child elements of the current element, name to text. */
    private static Map<String, String> fields(XMLStreamReader xml) throws XMLStreamException {
        Map<String, String> fields = new LinkedHashMap<>();
        String name = xml.getLocalName();
        while (nextChildOf(xml, name)) {
            fields.put(xml.getLocalName(), text(xml));
        }
        return fields;
    }

    private static String childText(XMLStreamReader xml, String parent, String child) throws XMLStreamException {
        String found = "";
        while (nextChildOf(xml, parent)) {
            if (child.equals(xml.getLocalName())) {
                found = text(xml);
            } else {
                skip(xml);
            }
        }
        return found;
    }

    /** Moves to the next start element; false at the end of the document. */
    private static boolean nextElement(XMLStreamReader xml) throws XMLStreamException {
        while (xml.hasNext()) {
            if (xml.next() == XMLStreamConstants.START_ELEMENT) {
                return true;
            }
        }
        return false;
    }

    /** Moves to the next child element of {@code parent}; false at the parent's end. */
    private static boolean nextChildOf(XMLStreamReader xml, String parent) throws XMLStreamException {
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                return true;
            }
            if (event == XMLStreamConstants.END_ELEMENT && parent.equals(xml.getLocalName())) {
                return false;
            }
        }
        throw invalid("The envelope ends inside " + parent + ".");
    }

    private static void skip(XMLStreamReader xml) throws XMLStreamException {
        int depth = 1;
        while (depth > 0 && xml.hasNext()) {
            int event = xml.next();
            depth += event == XMLStreamConstants.START_ELEMENT ? 1 : event == XMLStreamConstants.END_ELEMENT ? -1 : 0;
        }
    }

    private static String text(XMLStreamReader xml) throws XMLStreamException {
        String text = xml.getElementText().trim();
        if (text.length() > MAX_TEXT) {
            throw invalid("A value is longer than " + MAX_TEXT + " characters.");
        }
        return text;
    }

    private static CwmpVersion version(String namespace) {
        return CwmpVersion.ofNamespace(namespace).orElseThrow(() -> invalid("Unknown CWMP namespace '" + namespace + "'."));
    }

    private static String required(Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (value == null || value.isEmpty()) {
            throw invalid("The " + name + " is missing.");
        }
        return value;
    }

    private static int number(String text, String name) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw invalid(name + " is not a number.");
        }
    }

    private static CwmpException invalid(String detail) {
        return new CwmpException(CwmpFault.INVALID_ARGUMENTS, detail);
    }

    private static XMLInputFactory safeFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        try {
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        } catch (IllegalArgumentException notSupported) {
            // DTDs are off already
        }
        return factory;
    }
}
