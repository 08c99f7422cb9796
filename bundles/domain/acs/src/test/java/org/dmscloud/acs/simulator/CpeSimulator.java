package org.dmscloud.acs.simulator;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CPE device as a router's TR-069 client behaves, written from the protocol and not from the ACS's code, so that
 * it can find what the ACS gets wrong: it opens a session with an Inform, answers a Digest challenge, keeps the
 * session by the cookie it is given, then posts empty until the ACS answers 204, carrying out what the ACS asks
 * (a reboot, a factory reset, get and set parameter values) on its own little data model.
 * <p>
 * One simulator is one device; devices may share an {@link HttpClient} (each keeps its own cookies).
 */
public final class CpeSimulator {

    private static final Pattern CHALLENGE_FIELD = Pattern.compile("(\\w+)=(?:\"([^\"]*)\"|([^,\\s]*))");
    private static final Pattern FAULT_CODE = Pattern.compile("<FaultCode>(\\d+)</FaultCode>");
    private static final Pattern BODY_ELEMENT = Pattern.compile("<(?:\\w+:)?Body>\\s*<(?:(\\w+):)?(\\w+)[\\s/>]");
    private static final Pattern ID = Pattern.compile("<(?:\\w+:)?ID[^>]*>([^<]*)</(?:\\w+:)?ID>");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpClient http;
    private final URI endpoint;
    private final String username;
    private final String password;
    private final String namespace;
    private final String oui;
    private final String productClass;
    private final String serialNumber;
    private final Map<String, String> parameters = new LinkedHashMap<>();
    private int nonceCount;

    /**
     * @param namespace the CWMP namespace the device speaks, e.g. {@code urn:dslforum-org:cwmp-1-2}
     */
    public CpeSimulator(HttpClient http, URI endpoint, String username, String password, String namespace, String oui, String productClass,
            String serialNumber) {
        this.http = http;
        this.endpoint = endpoint;
        this.username = username;
        this.password = password;
        this.namespace = namespace;
        this.oui = oui;
        this.productClass = productClass;
        this.serialNumber = serialNumber;
        parameters.put("Device.DeviceInfo.SoftwareVersion", "1.0.0");
        parameters.put("Device.ManagementServer.ConnectionRequestURL", "http://192.0.2.1:7547/cr/" + serialNumber);
        parameters.put("Device.ManagementServer.PeriodicInformInterval", "3600");
    }

    /** A client as routers use: HTTP/1.1, cookies kept per client; give each device its own to keep their sessions apart. */
    public static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** What one session came to. */
    public record Session(int informStatus, Optional<String> faultCode, Optional<String> retryAfter, List<String> requests, int posts) {

        public boolean admitted() {
            return informStatus == 200 && faultCode.isEmpty();
        }
    }

    public Map<String, String> parameters() {
        return parameters;
    }

    /** Opens a session with these events ({@code 2 PERIODIC} if none), and keeps it until the ACS ends it. */
    public Session session(String... events) throws IOException, InterruptedException {
        List<String> codes = events.length == 0 ? List.of("2 PERIODIC") : List.of(events);
        HttpResponse<String> informed = post(inform(codes), Optional.empty());
        String challenge = informed.headers().firstValue("WWW-Authenticate").orElse("");
        if (informed.statusCode() == 401 && challenge.startsWith("Digest ")) {
            informed = post(inform(codes), Optional.of(authorization(challenge)));
        }
        int posts = 2;
        if (informed.statusCode() != 200) {
            return new Session(informed.statusCode(), faultCode(informed.body()), informed.headers().firstValue("Retry-After"), List.of(), posts);
        }
        Optional<String> fault = faultCode(informed.body());
        if (fault.isPresent()) {
            return new Session(200, fault, Optional.empty(), List.of(), posts);
        }
        List<String> requests = new ArrayList<>();
        String reply = "";
        while (true) {
            HttpResponse<String> next = post(reply, Optional.empty());
            posts++;
            if (next.statusCode() == 204) {
                break;
            }
            if (next.statusCode() != 200) {
                throw new IOException("the ACS answered " + next.statusCode() + " inside a session: " + next.body());
            }
            Matcher method = BODY_ELEMENT.matcher(next.body());
            if (!method.find()) {
                throw new IOException("not a CWMP request: " + next.body());
            }
            String name = method.group(2);
            requests.add(name);
            String id = matched(ID, next.body()).orElse("");
            reply = switch (name) {
            case "Reboot" -> envelope(id, "<cwmp:RebootResponse/>");
            case "FactoryReset" -> envelope(id, "<cwmp:FactoryResetResponse/>");
            case "GetParameterValues" -> envelope(id, parameterValues(next.body()));
            case "SetParameterValues" -> setParameterValues(id, next.body());
            default -> envelope(id, "<soap:Fault><faultcode>Client</faultcode><faultstring>CWMP fault</faultstring><detail><cwmp:Fault>"
                    + "<FaultCode>9000</FaultCode><FaultString>Method not supported</FaultString></cwmp:Fault></detail></soap:Fault>");
            };
        }
        return new Session(200, Optional.empty(), Optional.empty(), requests, posts);
    }

    /** Posts a body as the device, with the cookies it holds: inside a session, as that session. */
    public HttpResponse<String> post(String body) throws IOException, InterruptedException {
        return post(body, Optional.empty());
    }

    private HttpResponse<String> post(String body, Optional<String> authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "text/xml; charset=utf-8").header("SOAPAction", body.isEmpty() ? "" : "\"\"")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        authorization.ifPresent(value -> request.header("Authorization", value));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** RFC 2617 Digest with qop=auth, as a CPE computes it for the challenge it was given. */
    private String authorization(String challenge) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher field = CHALLENGE_FIELD.matcher(challenge.substring("Digest ".length()));
        while (field.find()) {
            fields.put(field.group(1), field.group(2) != null ? field.group(2) : field.group(3));
        }
        String realm = fields.getOrDefault("realm", "");
        String nonce = fields.getOrDefault("nonce", "");
        String uri = endpoint.getRawPath();
        String nc = String.format("%08x", ++nonceCount);
        byte[] random = new byte[8];
        RANDOM.nextBytes(random);
        String cnonce = HexFormat.of().formatHex(random);
        String ha1 = md5(username + ":" + realm + ":" + password);
        String response = md5(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + md5("POST:" + uri));
        return "Digest username=\"" + username + "\", realm=\"" + realm + "\", nonce=\"" + nonce + "\", uri=\"" + uri + "\", algorithm=MD5, qop=auth, nc="
                + nc + ", cnonce=\"" + cnonce + "\", response=\"" + response + "\"";
    }

    private String inform(List<String> events) {
        StringBuilder eventList = new StringBuilder();
        events.forEach(code -> eventList.append("<EventStruct><EventCode>").append(code).append("</EventCode><CommandKey></CommandKey></EventStruct>"));
        StringBuilder parameterList = new StringBuilder();
        parameters.forEach((name, value) -> parameterList.append("<ParameterValueStruct><Name>").append(name)
                .append("</Name><Value xsi:type=\"xsd:string\">").append(escape(value)).append("</Value></ParameterValueStruct>"));
        return envelope(Integer.toString(RANDOM.nextInt(1_000_000)), "<cwmp:Inform><DeviceId><Manufacturer>Simulated Networks</Manufacturer><OUI>" + oui
                + "</OUI><ProductClass>" + escape(productClass) + "</ProductClass><SerialNumber>" + escape(serialNumber) + "</SerialNumber></DeviceId>"
                + "<Event soap-enc:arrayType=\"cwmp:EventStruct[" + events.size() + "]\">" + eventList + "</Event><MaxEnvelopes>1</MaxEnvelopes>"
                + "<CurrentTime>2026-11-30T00:00:00Z</CurrentTime><RetryCount>0</RetryCount>"
                + "<ParameterList soap-enc:arrayType=\"cwmp:ParameterValueStruct[" + parameters.size() + "]\">" + parameterList
                + "</ParameterList></cwmp:Inform>");
    }

    private String parameterValues(String request) {
        StringBuilder values = new StringBuilder();
        int count = 0;
        Matcher name = Pattern.compile("<string>([^<]*)</string>").matcher(request);
        while (name.find()) {
            String wanted = name.group(1);
            for (Map.Entry<String, String> parameter : parameters.entrySet()) {
                if (parameter.getKey().equals(wanted) || wanted.endsWith(".") && parameter.getKey().startsWith(wanted)) {
                    values.append("<ParameterValueStruct><Name>").append(parameter.getKey()).append("</Name><Value xsi:type=\"xsd:string\">")
                            .append(escape(parameter.getValue())).append("</Value></ParameterValueStruct>");
                    count++;
                }
            }
        }
        return "<cwmp:GetParameterValuesResponse><ParameterList soap-enc:arrayType=\"cwmp:ParameterValueStruct[" + count + "]\">" + values
                + "</ParameterList></cwmp:GetParameterValuesResponse>";
    }

    /** Sets all the values, or none: a name the device does not have is refused (9005) as TR-069 A.5.2 says. */
    private String setParameterValues(String id, String request) {
        Map<String, String> values = new LinkedHashMap<>();
        Matcher pair = Pattern.compile("<Name>([^<]*)</Name>\\s*<Value[^>]*>([^<]*)</Value>").matcher(request);
        while (pair.find()) {
            values.put(pair.group(1), pair.group(2).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"));
        }
        List<String> unknown = values.keySet().stream().filter(name -> !parameters.containsKey(name)).toList();
        if (!unknown.isEmpty()) {
            StringBuilder faults = new StringBuilder();
            unknown.forEach(name -> faults.append("<SetParameterValuesFault><ParameterName>").append(name)
                    .append("</ParameterName><FaultCode>9005</FaultCode><FaultString>Invalid parameter name</FaultString></SetParameterValuesFault>"));
            return envelope(id, "<soap:Fault><faultcode>Client</faultcode><faultstring>CWMP fault</faultstring><detail><cwmp:Fault>"
                    + "<FaultCode>9003</FaultCode><FaultString>Invalid arguments</FaultString>" + faults + "</cwmp:Fault></detail></soap:Fault>");
        }
        parameters.putAll(values);
        return envelope(id, "<cwmp:SetParameterValuesResponse><Status>0</Status></cwmp:SetParameterValuesResponse>");
    }

    private String envelope(String id, String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\" "
                + "xmlns:soap-enc=\"http://schemas.xmlsoap.org/soap/encoding/\" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" "
                + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:cwmp=\"" + namespace + "\"><soap:Header><cwmp:ID soap:mustUnderstand=\"1\">"
                + id + "</cwmp:ID></soap:Header><soap:Body>" + body + "</soap:Body></soap:Envelope>";
    }

    private static Optional<String> faultCode(String body) {
        return matched(FAULT_CODE, body);
    }

    private static Optional<String> matched(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every Java runtime", e);
        }
    }
}
