package org.dmscloud.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dmscloud.acs.simulator.CpeSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Instances as live ACS endpoints, from outside: the distribution started as an operator starts it, a customer with
 * an instance for three devices, and simulated CPE devices that speak CWMP over HTTP with Digest and cookies as
 * routers do. The limit, disable and enable, deletion and credentials behave as the customer was told.
 */
class LiveInstancesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern VERIFY_LINK = Pattern.compile("/verify\\?token=([A-Za-z0-9_%-]+)");
    private static final String PASSWORD = "violet quarry lantern";
    private static final String CWMP_1_2 = "urn:dslforum-org:cwmp-1-2";

    private static DistributionProcess distribution;
    private static int[] mail;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void start() {
        int httpPort = Integer.parseInt(DmsCloudTestSupport.freePort());
        mail = TestMailServer.start(Integer.parseInt(DmsCloudTestSupport.freePort()), Integer.parseInt(DmsCloudTestSupport.freePort()));
        distribution = DistributionProcess.start("acs", httpPort, Map.of("org.dmscloud.mail", Map.of("smtpHost", "127.0.0.1", "smtpPort",
                Integer.toString(mail[0]), "smtpStartTls", "false", "pollSeconds", "1", "operatorAddresses", "ops@dmscloud.example")));
    }

    @AfterAll
    static void stop() {
        if (distribution != null) {
            distribution.close();
        }
    }

    @Test
    void devicesInformUpToTheLimitTheRestAreRefusedAndCountedAndKnownOnesKeepWorking() throws Exception {
        String token = customerWithMoney();
        String instance = createInstance(token, 3);
        JsonNode endpoint = json(send("GET", "/api/v1/instances/" + instance + "/acs", token, null));
        assertThat(endpoint.get("url").asText()).isEqualTo(distribution.uri("/cwmp/" + instance).toString());
        assertThat(endpoint.get("username").isNull()).as("no credentials until the customer asks").isTrue();
        assertThat(endpoint.get("expectedDevices").asLong()).isEqualTo(3);

        HttpResponse<String> issued = send("POST", "/api/v1/instances/" + instance + "/acs/credentials", token, null);
        assertThat(issued.statusCode()).isEqualTo(200);
        assertThat(issued.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode credentials = json(issued);
        URI url = URI.create(credentials.get("url").asText());

        for (String serial : List.of("SN-1", "SN-2", "SN-3")) {
            CpeSimulator.Session session = device(url, credentials, serial).session("0 BOOTSTRAP", "1 BOOT");
            assertThat(session.admitted()).as(serial).isTrue();
            assertThat(session.requests()).as("nothing queued: the empty POST is answered 204").isEmpty();
        }
        CpeSimulator fourth = device(url, credentials, "SN-4");
        CpeSimulator.Session refused = fourth.session("0 BOOTSTRAP");
        assertThat(refused.faultCode()).as("the standard refusal: 8001 Request denied").hasValue("8001");
        assertThat(fourth.session("1 BOOT").faultCode()).hasValue("8001");
        assertThat(device(url, credentials, "SN-1").session().admitted()).as("a known device, the instance full").isTrue();

        JsonNode counted = json(send("GET", "/api/v1/instances/" + instance + "/acs", token, null));
        assertThat(counted.get("devices").asLong()).isEqualTo(3);
        assertThat(counted.get("refusedDevices").asLong()).as("the same device refused twice counts once").isEqualTo(1);
        assertThat(counted.get("limitReached").asText()).isEqualTo("1 device was refused: raise the expected devices to let it in.");

        JsonNode page = json(send("GET", "/api/v1/instances/" + instance + "/acs/devices?limit=2", token, null));
        assertThat(page.get("total").asLong()).isEqualTo(3);
        assertThat(page.get("devices")).hasSize(2);
        assertThat(page.at("/devices/0/serialNumber").asText()).as("most recently informed first").isEqualTo("SN-1");
        assertThat(page.at("/devices/0/connectionRequestUrl").asText()).isEqualTo("http://192.0.2.1:7547/cr/SN-1");
        JsonNode found = json(send("GET", "/api/v1/instances/" + instance + "/acs/devices?search=sn-2", token, null));
        assertThat(found.get("devices")).extracting(d -> d.get("serialNumber").asText()).containsExactly("SN-2");
        assertThat(found.at("/devices/0/lastEvents").toString()).isEqualTo("[\"0 BOOTSTRAP\",\"1 BOOT\"]");
    }

    @Test
    void aDisabledInstanceAnswers503WithRetryAfterEnablingLetsItsDevicesBackAndADeletedOneAnswers404() throws Exception {
        String token = customerWithMoney();
        String instance = createInstance(token, 10);
        JsonNode credentials = json(send("POST", "/api/v1/instances/" + instance + "/acs/credentials", token, null));
        CpeSimulator router = device(URI.create(credentials.get("url").asText()), credentials, "SN-A");
        assertThat(router.session("0 BOOTSTRAP").admitted()).isTrue();
        assertThat(deployment(token, instance, "RUNNING").get("pending").asBoolean()).isFalse();
        String shown = distribution.run("dms:instance-show " + instance);
        assertThat(shown).contains("Deployment: RUNNING by built-in-acs", "Devices:   1 of 10 expected, 0 refused; endpoint /cwmp/" + instance);
        assertThat(distribution.run("dms:deployment-retry " + instance)).contains("Nothing is pending");

        assertThat(send("POST", "/api/v1/instances/" + instance + "/disable", token, null).statusCode()).isEqualTo(200);
        deployment(token, instance, "SUSPENDED");
        CpeSimulator.Session disabled = router.session();
        assertThat(disabled.informStatus()).isEqualTo(503);
        assertThat(disabled.retryAfter()).hasValue("600");

        assertThat(send("POST", "/api/v1/instances/" + instance + "/enable", token, null).statusCode()).isEqualTo(200);
        assertThat(router.session().admitted()).as("back at its next inform").isTrue();

        deployment(token, instance, "RUNNING");
        assertThat(send("DELETE", "/api/v1/instances/" + instance, token, null).statusCode()).isEqualTo(200);
        assertThat(router.session().informStatus()).isEqualTo(404);
        assertThat(send("GET", "/api/v1/instances/" + instance + "/deployment", token, null).statusCode()).as("gone for its customer").isEqualTo(404);
        assertThat(Await.until("the deployment to be deprovisioned", () -> {
            String deleted = distribution.run("dms:instance-show " + instance);
            return deleted.contains("Deployment: DEPROVISIONED") ? deleted : null;
        })).contains("State:     DELETED");
        assertThat(send("GET", "/api/v1/instances/" + instance + "/acs", token, null).statusCode()).isEqualTo(404);
    }

    @Test
    void onlyTheCurrentCredentialsOfTheInstanceItselfGetInAndAnotherCustomerSeesNothing() throws Exception {
        String token = customerWithMoney();
        String instance = createInstance(token, 10);
        JsonNode first = json(send("POST", "/api/v1/instances/" + instance + "/acs/credentials", token, null));
        URI url = URI.create(first.get("url").asText());
        JsonNode second = json(send("POST", "/api/v1/instances/" + instance + "/acs/credentials", token, null));
        assertThat(second.get("username").asText()).isEqualTo(first.get("username").asText());
        assertThat(second.get("password").asText()).isNotEqualTo(first.get("password").asText()).hasSize(20);

        assertThat(device(url, first, "SN-OLD").session().informStatus()).as("the replaced password").isEqualTo(401);
        HttpResponse<String> keyed = send("POST", "/api/v1/instances/" + instance + "/acs/credentials", token, null, "Idempotency-Key", "rotate-1");
        HttpResponse<String> retried = send("POST", "/api/v1/instances/" + instance + "/acs/credentials", token, null, "Idempotency-Key", "rotate-1");
        assertThat(retried.statusCode()).as("a retry makes no second password").isEqualTo(409);
        assertThat(retried.body()).contains("credentials-shown");
        JsonNode rotated = json(keyed);
        assertThat(device(url, rotated, "SN-NEW").session().admitted()).isTrue();

        String other = createInstance(token, 10);
        JsonNode otherCredentials = json(send("POST", "/api/v1/instances/" + other + "/acs/credentials", token, null));
        assertThat(device(url, otherCredentials, "SN-X").session().informStatus()).as("another instance's credentials").isEqualTo(401);
        assertThat(device(distribution.uri("/cwmp/" + UUID.randomUUID()), rotated, "SN-Y").session().informStatus()).isEqualTo(404);
        // A request without a Digest answer is challenged alike at a known and an unknown address.
        String unknown = UUID.randomUUID().toString();
        for (String id : List.of(instance, unknown)) {
            HttpResponse<String> challenged = send("POST", "/cwmp/" + id, null, null);
            assertThat(challenged.statusCode()).isEqualTo(401);
            assertThat(challenged.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Digest ").contains("realm=\"DMS Cloud ACS " + id + "\"");
        }

        String stranger = customerWithMoney();
        assertThat(send("GET", "/api/v1/instances/" + instance + "/acs", stranger, null).statusCode()).isEqualTo(404);
        assertThat(send("POST", "/api/v1/instances/" + instance + "/acs/credentials", stranger, null).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/api/v1/instances/" + instance + "/acs/devices", stranger, null).statusCode()).isEqualTo(404);
    }

    @Test
    void tasksQueuedForADeviceAreDeliveredInItsNextSessionInOrderWithWhatItAnswered() throws Exception {
        String token = customerWithMoney();
        String instance = createInstance(token, 10);
        JsonNode credentials = json(send("POST", "/api/v1/instances/" + instance + "/acs/credentials", token, null));
        CpeSimulator router = device(URI.create(credentials.get("url").asText()), credentials, "SN-T");
        assertThat(router.session("0 BOOTSTRAP").admitted()).isTrue();
        String device = json(send("GET", "/api/v1/instances/" + instance + "/acs/devices", token, null)).at("/devices/0/id").asText();
        String tasks = "/api/v1/instances/" + instance + "/acs/devices/" + device + "/tasks";

        HttpResponse<String> reboot = send("POST", tasks, token, "{\"kind\":\"REBOOT\"}");
        assertThat(reboot.statusCode()).isEqualTo(201);
        assertThat(json(reboot).get("state").asText()).isEqualTo("QUEUED");
        send("POST", tasks, token, "{\"kind\":\"GET_PARAMETER_VALUES\",\"names\":[\"Device.DeviceInfo.SoftwareVersion\",\"Device.ManagementServer.\"]}");
        send("POST", tasks, token, "{\"kind\":\"SET_PARAMETER_VALUES\",\"values\":[{\"name\":\"Device.ManagementServer.PeriodicInformInterval\","
                + "\"value\":\"300\",\"type\":\"xsd:unsignedInt\"}]}");
        send("POST", tasks, token, "{\"kind\":\"SET_PARAMETER_VALUES\",\"values\":[{\"name\":\"Device.NoSuch.Parameter\",\"value\":\"1\"}]}");
        assertThat(json(send("GET", tasks, token, null))).extracting(t -> t.get("state").asText()).containsOnly("QUEUED");

        CpeSimulator.Session session = router.session("2 PERIODIC");
        assertThat(session.requests()).containsExactly("Reboot", "GetParameterValues", "SetParameterValues", "SetParameterValues");
        assertThat(router.parameters()).containsEntry("Device.ManagementServer.PeriodicInformInterval", "300");

        JsonNode done = json(send("GET", tasks, token, null));
        assertThat(done).extracting(t -> t.get("kind").asText() + " " + t.get("state").asText()).containsExactly("SET_PARAMETER_VALUES FAILED",
                "SET_PARAMETER_VALUES DONE", "GET_PARAMETER_VALUES DONE", "REBOOT DONE");
        assertThat(done.at("/0/faultCode").asInt()).isEqualTo(9003);
        assertThat(done.at("/0/answered/0/name").asText()).isEqualTo("Device.NoSuch.Parameter");
        assertThat(done.at("/0/answered/0/value").asText()).isEqualTo("9005 Invalid parameter name");
        assertThat(done.at("/2/answered")).extracting(p -> p.get("name").asText() + "=" + p.get("value").asText()).containsExactly(
                "Device.DeviceInfo.SoftwareVersion=1.0.0", "Device.ManagementServer.ConnectionRequestURL=http://192.0.2.1:7547/cr/SN-T",
                "Device.ManagementServer.PeriodicInformInterval=3600");
        assertThat(router.session().requests()).as("nothing left for the next session").isEmpty();

        assertThat(send("POST", tasks, token, "{\"kind\":\"SET_PARAMETER_VALUES\",\"values\":[{\"name\":\"Device.X\",\"value\":\"many\","
                + "\"type\":\"xsd:int\"}]}").statusCode()).isEqualTo(400);
        assertThat(send("POST", tasks, token, "{\"kind\":\"NUKE\"}").statusCode()).isEqualTo(400);
        assertThat(send("POST", "/api/v1/instances/" + instance + "/acs/devices/" + UUID.randomUUID() + "/tasks", token, "{\"kind\":\"REBOOT\"}")
                .statusCode()).isEqualTo(404);
        String stranger = customerWithMoney();
        assertThat(send("POST", tasks, stranger, "{\"kind\":\"REBOOT\"}").statusCode()).isEqualTo(404);
        assertThat(send("GET", tasks, stranger, null).statusCode()).isEqualTo(404);
    }

    @Test
    void aMalformedEnvelopeInASessionIsAFaultAndAnythingButPostIsRefused() throws Exception {
        String token = customerWithMoney();
        String instance = createInstance(token, 10);
        JsonNode credentials = json(send("POST", "/api/v1/instances/" + instance + "/acs/credentials", token, null));
        CpeSimulator router = device(URI.create(credentials.get("url").asText()), credentials, "SN-M");
        assertThat(router.session().admitted()).isTrue();

        HttpResponse<String> broken = router.post("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><unclosed>");
        assertThat(broken.statusCode()).isEqualTo(500);
        assertThat(broken.body()).contains("<FaultCode>8003</FaultCode>").doesNotContain("Exception");
        HttpResponse<String> entity = router.post("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>");
        assertThat(entity.body()).contains("<FaultCode>8003</FaultCode>").doesNotContain("root:");

        HttpResponse<String> get = HTTP.send(HttpRequest.newBuilder(URI.create(credentials.get("url").asText())).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).hasValue("POST");
    }

    /** The instance's deployment once it is in this state (deployments follow the lifecycle within seconds). */
    private static JsonNode deployment(String token, String instance, String state) throws Exception {
        return Await.until("the deployment to be " + state, () -> {
            JsonNode deployment = json(send("GET", "/api/v1/instances/" + instance + "/deployment", token, null));
            return deployment.get("state").asText().equals(state) ? deployment : null;
        });
    }

    private static CpeSimulator device(URI url, JsonNode credentials, String serial) {
        return new CpeSimulator(CpeSimulator.client(), url, credentials.get("username").asText(), credentials.get("password").asText(), CWMP_1_2,
                "00D09E", "HG8245", serial);
    }

    private static String createInstance(String token, int devices) throws Exception {
        HttpResponse<String> created = send("POST", "/api/v1/instances", token, JSON.writeValueAsString(Map.of("name", "Live " + devices,
                "packageId", "starter", "expectedDevices", devices, "enabled", true)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).at("/instance/id").asText();
    }

    /** A registered, verified and signed-in customer with 100.00 EUR from the operator; answers the bearer token. */
    private static String customerWithMoney() throws Exception {
        String email = "acs-" + UUID.randomUUID() + "@example.com";
        assertThat(send("POST", "/api/v1/auth/register", null, JSON.writeValueAsString(Map.of("email", email, "password", PASSWORD, "name", "Router Fleet")))
                .statusCode()).isEqualTo(202);
        String mailText = Mailboxes.await(mail[1], email, "Confirm");
        Matcher link = VERIFY_LINK.matcher(mailText);
        assertThat(link.find()).isTrue();
        assertThat(send("POST", "/api/v1/auth/verify", null, JSON.writeValueAsString(Map.of("token", java.net.URLDecoder.decode(link.group(1),
                StandardCharsets.UTF_8)))).statusCode()).isEqualTo(200);
        String token = json(send("POST", "/api/v1/auth/sign-in", null, JSON.writeValueAsString(Map.of("email", email, "password", PASSWORD))))
                .get("token").asText();
        String account = json(send("GET", "/api/v1/account", token, null)).get("id").asText();
        assertThat(distribution.run("dms:balance-adjust --reason \"ACS test credit\" --key acs-" + account + " " + account + " 100.00")).contains("balance now");
        return token;
    }

    private static HttpResponse<String> send(String method, String path, String token, String json, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(distribution.uri(path)).timeout(Duration.ofSeconds(30)).header("Accept", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (headers.length > 0) {
            request.headers(headers);
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return JSON.readTree(response.body());
    }
}
