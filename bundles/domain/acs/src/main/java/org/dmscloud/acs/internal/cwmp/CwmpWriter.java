package org.dmscloud.acs.internal.cwmp;

import java.io.StringWriter;
import java.util.List;
import java.util.Optional;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.dmscloud.api.acs.ParameterValue;

/**
 * Writes the ACS's envelopes, in the CWMP namespace the CPE spoke and with the {@code cwmp:ID} it sent (TR-069 A.3):
 * the answers to its requests and the faults. They are written by a {@link XMLStreamWriter}, so that whatever a
 * customer or a device gave is escaped by construction; the characters XML 1.0 cannot carry at all are left out.
 */
public final class CwmpWriter {

    /** The RPCs the ACS takes from a CPE, as GetRPCMethods answers them. */
    public static final List<String> ACS_METHODS = List.of("Inform", "GetRPCMethods", "TransferComplete", "AutonomousTransferComplete");

    private static final String SOAP_ENC = "http://schemas.xmlsoap.org/soap/encoding/";
    private static final String XSD = "http://www.w3.org/2001/XMLSchema";
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private CwmpWriter() {
    }

    /** The answer to an Inform; MaxEnvelopes is 1, as TR-069 requires of an ACS. */
    public static String informResponse(CwmpVersion version, Optional<String> id) {
        return envelope(version, id, xml -> {
            xml.startCwmp("InformResponse");
            xml.element("MaxEnvelopes", "1");
            xml.end();
        });
    }

    public static String transferCompleteResponse(CwmpVersion version, Optional<String> id, String method) {
        return envelope(version, id, xml -> xml.emptyCwmp(method + "Response"));
    }

    public static String getRpcMethodsResponse(CwmpVersion version, Optional<String> id) {
        return envelope(version, id, xml -> {
            xml.startCwmp("GetRPCMethodsResponse");
            xml.array("MethodList", "xsd:string", ACS_METHODS.size());
            for (String method : ACS_METHODS) {
                xml.element("string", method);
            }
            xml.end();
            xml.end();
        });
    }

    /** The ACS's Reboot request; the command key (at most 32 characters) comes back in the device's M Reboot event. */
    public static String reboot(CwmpVersion version, String id, String commandKey) {
        return envelope(version, Optional.of(id), xml -> {
            xml.startCwmp("Reboot");
            xml.element("CommandKey", commandKey);
            xml.end();
        });
    }

    public static String factoryReset(CwmpVersion version, String id) {
        return envelope(version, Optional.of(id), xml -> xml.emptyCwmp("FactoryReset"));
    }

    /** Asks for the values of these parameters; a name ending in '.' asks for a whole object. */
    public static String getParameterValues(CwmpVersion version, String id, List<String> names) {
        return envelope(version, Optional.of(id), xml -> {
            xml.startCwmp("GetParameterValues");
            xml.array("ParameterNames", "xsd:string", names.size());
            for (String name : names) {
                xml.element("string", name);
            }
            xml.end();
            xml.end();
        });
    }

    /**
     * Sets these parameters, each value with its XML schema type ({@code xsd:string}, {@code xsd:unsignedInt}...); the
     * parameter key (at most 32 characters) is what the device keeps as its ParameterKey once they are set.
     */
    public static String setParameterValues(CwmpVersion version, String id, List<ParameterValue> values, String parameterKey) {
        return envelope(version, Optional.of(id), xml -> {
            xml.startCwmp("SetParameterValues");
            xml.array("ParameterList", "cwmp:ParameterValueStruct", values.size());
            for (ParameterValue parameter : values) {
                xml.start("ParameterValueStruct");
                xml.element("Name", parameter.name());
                xml.start("Value");
                xml.writer.writeAttribute("xsi", XSI, "type", xmlChars(parameter.type()));
                xml.text(parameter.value());
                xml.end();
                xml.end();
            }
            xml.end();
            xml.element("ParameterKey", parameterKey);
            xml.end();
        });
    }

    /** A SOAP Fault carrying the CWMP fault: "Server" for the ACS's own failure, "Client" for the request's. */
    public static String fault(CwmpVersion version, Optional<String> id, CwmpFault fault, String detail) {
        return envelope(version, id, xml -> {
            xml.writer.writeStartElement("soap", "Fault", CwmpReader.SOAP_ENV);
            xml.element("faultcode", fault == CwmpFault.INTERNAL_ERROR ? "Server" : "Client");
            xml.element("faultstring", "CWMP fault");
            xml.start("detail");
            xml.startCwmp("Fault");
            xml.element("FaultCode", Integer.toString(fault.code()));
            xml.element("FaultString", fault.description() + (detail.isEmpty() ? "" : ": " + detail));
            xml.end();
            xml.end();
            xml.end();
        });
    }

    /**
     * The text without the characters XML 1.0 does not allow (control characters other than tab, line feed and
     * carriage return, unpaired surrogates, U+FFFE and U+FFFF): no escape can carry them, and a device's parser
     * would refuse the whole envelope. Nothing (null) is the empty text.
     */
    static String xmlChars(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder allowed = new StringBuilder(text.length());
        text.codePoints().filter(CwmpWriter::isXmlChar).forEach(allowed::appendCodePoint);
        return allowed.toString();
    }

    private static boolean isXmlChar(int c) {
        return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
    }

    private static String envelope(CwmpVersion version, Optional<String> id, Body body) {
        StringWriter out = new StringWriter(512);
        try {
            Xml xml = new Xml(FACTORY.createXMLStreamWriter(out), version.namespace());
            xml.writer.writeStartDocument("UTF-8", "1.0");
            xml.writer.writeStartElement("soap", "Envelope", CwmpReader.SOAP_ENV);
            xml.writer.writeNamespace("soap", CwmpReader.SOAP_ENV);
            xml.writer.writeNamespace("soap-enc", SOAP_ENC);
            xml.writer.writeNamespace("xsd", XSD);
            xml.writer.writeNamespace("xsi", XSI);
            xml.writer.writeNamespace("cwmp", version.namespace());
            if (id.isPresent()) {
                xml.writer.writeStartElement("soap", "Header", CwmpReader.SOAP_ENV);
                xml.startCwmp("ID");
                xml.writer.writeAttribute("soap", CwmpReader.SOAP_ENV, "mustUnderstand", "1");
                xml.text(id.get());
                xml.end();
                xml.end();
            }
            xml.writer.writeStartElement("soap", "Body", CwmpReader.SOAP_ENV);
            body.write(xml);
            xml.writer.writeEndDocument();
            xml.writer.close();
        } catch (XMLStreamException e) {
            // Only a bug of this class can get here: every name is ours and every text is made writable first.
            throw new IllegalStateException("The ACS could not write its envelope", e);
        }
        return out.toString();
    }

    @FunctionalInterface
    private interface Body {
        void write(Xml xml) throws XMLStreamException;
    }

    /** The few shapes a CWMP body is made of, over the stream writer. */
    private static final class Xml {
        final XMLStreamWriter writer;
        private final String cwmp;

        Xml(XMLStreamWriter writer, String cwmp) {
            this.writer = writer;
            this.cwmp = cwmp;
        }

        void startCwmp(String name) throws XMLStreamException {
            writer.writeStartElement("cwmp", name, cwmp);
        }

        void emptyCwmp(String name) throws XMLStreamException {
            writer.writeEmptyElement("cwmp", name, cwmp);
        }

        /** CWMP's own elements inside a method are unqualified (TR-069 A.3.1). */
        void start(String name) throws XMLStreamException {
            writer.writeStartElement(name);
        }

        void text(String text) throws XMLStreamException {
            writer.writeCharacters(xmlChars(text));
        }

        void element(String name, String text) throws XMLStreamException {
            start(name);
            text(text);
            end();
        }

        /** A SOAP-encoded array: its element type and length in soap-enc:arrayType, as CPEs expect it. */
        void array(String name, String type, int length) throws XMLStreamException {
            start(name);
            writer.writeAttribute("soap-enc", SOAP_ENC, "arrayType", type + "[" + length + "]");
        }

        void end() throws XMLStreamException {
            writer.writeEndElement();
        }
    }
}
