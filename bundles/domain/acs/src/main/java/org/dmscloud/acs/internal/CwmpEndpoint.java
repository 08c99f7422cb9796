package org.dmscloud.acs.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.servlet.Servlet;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.dmscloud.acs.internal.auth.DigestAuthentication;
import org.dmscloud.acs.internal.auth.Endpoints;
import org.dmscloud.acs.internal.auth.SessionTickets;
import org.dmscloud.acs.internal.cwmp.CwmpException;
import org.dmscloud.acs.internal.cwmp.CwmpFault;
import org.dmscloud.acs.internal.cwmp.CwmpMessage;
import org.dmscloud.acs.internal.cwmp.CwmpReader;
import org.dmscloud.acs.internal.cwmp.CwmpVersion;
import org.dmscloud.acs.internal.cwmp.CwmpWriter;
import org.dmscloud.acs.internal.devices.DeviceRegistry;
import org.dmscloud.acs.internal.tasks.DeviceTasks;
import org.dmscloud.api.account.Account;
import org.dmscloud.api.account.AccountService;
import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.acs.DeviceTask;
import org.dmscloud.api.health.UnavailableException;
import org.dmscloud.api.instance.Instance;
import org.dmscloud.api.instance.InstanceAdministration;
import org.dmscloud.api.instance.InstanceId;
import org.dmscloud.api.instance.InstanceState;
import org.dmscloud.api.tenant.Tenant;
import org.dmscloud.api.web.PortalRequests;
import org.dmscloud.http.ProblemAnswer;
import org.dmscloud.persistence.Schema;
import org.dmscloud.persistence.Store;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each instance's CWMP endpoint, {@code /cwmp/<instance>} at its tenant's host names: where its CPE devices open their
 * sessions (TR-069 3.7). A session begins with an Inform, authenticated by HTTP Digest with the instance's credentials;
 * the device is let in if the instance knows it or has a place left, and gets a session cookie for the rest of the
 * session. An empty POST asks for the ACS's next request: the device's oldest waiting task, whose answer finishes it
 * and asks for the next; with none waiting the answer is 204, which ends the session.
 * <p>
 * A disabled instance answers its devices, once they have authenticated, 503 with {@code Retry-After}, so that they come
 * back by themselves once it is enabled; an instance that is deleted, another tenant's or unknown answers 404. A
 * session under way when its instance is disabled ends normally. A request the ACS cannot take gets a CWMP fault
 * in a SOAP Fault, with HTTP status 500 as the SOAP 1.1 HTTP binding that TR-069 uses requires.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("dmscloud-cwmp")
@HttpWhiteboardServletPattern(CwmpEndpoint.PREFIX + "*")
public class CwmpEndpoint extends HttpServlet {

    static final String PREFIX = "/cwmp/";
    /** A CPE informs again within the hour once its instance is enabled; TR-069 devices also retry on their own schedule. */
    static final String RETRY_AFTER_SECONDS = "600";
    /** Far above any Inform's size (1000 parameters); a larger body is refused unread. */
    static final int MAX_ENVELOPE_BYTES = 256 * 1024;

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(CwmpEndpoint.class);
    private static final Pattern INSTANCE = Pattern.compile("/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})");
    private static final String XML = "text/xml; charset=utf-8";

    private final transient Store store;
    private final transient Clock clock;
    private final transient InstanceAdministration instances;
    private final transient AccountService accounts;
    private transient volatile Keys keys;
    /** Each instance's tenant, read once: it never changes. Cleared when it holds this many, rather than grown without end. */
    private final transient Map<String, TenantId> tenants = new ConcurrentHashMap<>();
    static final int TENANTS_KEPT = 100_000;

    /** Started only once this bundle's tables are there (its {@code DMS-Changelog} applied). */
    @Reference(target = AcsTables.SCHEMA_FILTER)
    Schema tables;

    @Activate
    public CwmpEndpoint(@Reference Store store, @Reference Clock clock, @Reference InstanceAdministration instances, @Reference AccountService accounts) {
        this.store = store;
        this.clock = clock;
        this.instances = instances;
        this.accounts = accounts;
    }

    static String path(InstanceId instance) {
        return PREFIX + instance;
    }

    /** The Digest nonces' and session tickets' key, shared by every node through the database, read once. */
    private record Keys(DigestAuthentication digest, SessionTickets tickets) {
    }

    @Override
    protected void service(HttpServletRequest http, HttpServletResponse answer) throws IOException {
        if (!"POST".equals(http.getMethod())) {
            answer.setHeader("Allow", "POST");
            ProblemAnswer.write(answer, 405, "method-not-allowed", "Method Not Allowed", "CPE devices POST to their ACS endpoint.");
            return;
        }
        try {
            post(http, answer);
        } catch (UnavailableException e) {
            LOG.warn("CWMP request to {} not served: the database is unavailable ({})", http.getRequestURI(), e.getMessage());
            answer.setHeader("Retry-After", "30");
            ProblemAnswer.write(answer, 503, "unavailable", "Service Unavailable", "The ACS is briefly unavailable. Please try again shortly.");
        }
    }

    private void post(HttpServletRequest http, HttpServletResponse answer) throws IOException {
        Matcher path = INSTANCE.matcher(http.getPathInfo() == null ? "" : http.getPathInfo());
        if (!(http.getAttribute(PortalRequests.TENANT) instanceof Tenant tenant) || !path.matches()) {
            notFound(answer);
            return;
        }
        String instanceId = path.group(1);
        Instant now = clock.instant();
        Keys keys = keys(now);
        // Inside a session (its cookie signed for this instance a few minutes ago, after its Inform was let in), the
        // device goes on without the instance being read again: a session that a disable overtakes ends normally.
        Optional<SessionTickets.Ticket> session = keys.tickets().verify(cookie(http), instanceId, now);
        Optional<Instance> instance = Optional.empty();
        if (session.isEmpty()) {
            // Authenticated first: whether an instance is disabled or deleted is said to its own devices only. A
            // session's first request carries no answer yet: its challenge names the instance's realm (a function of
            // its id), so it costs no read, and an unknown address is challenged like a known one.
            if (http.getHeader("Authorization") == null) {
                challenge(answer, keys.digest(), Endpoints.realm(instanceId), now, false);
                return;
            }
            Optional<Endpoints.Endpoint> endpoint = store.read(transaction -> Endpoints.in(transaction).find(instanceId));
            if (endpoint.isEmpty()) {
                notFound(answer);
                return;
            }
            if (!authenticated(http, answer, keys.digest(), endpoint.get(), now)) {
                return;
            }
            instance = instance(tenant, instanceId);
            if (refused(answer, instance)) {
                return;
            }
        }
        byte[] envelope = body(http, answer);
        if (envelope == null) {
            return;
        }
        if (envelope.length == 0 || new String(envelope, StandardCharsets.UTF_8).isBlank()) {
            // The CPE has nothing more to say and asks for the ACS's requests.
            nextRequest(answer, session, now);
            return;
        }
        CwmpMessage message;
        try {
            message = CwmpReader.read(envelope);
        } catch (CwmpException e) {
            fault(answer, session.map(SessionTickets.Ticket::version).orElse(CwmpVersion.V1_0), Optional.empty(), e.fault(), e.getMessage());
            return;
        }
        switch (message.method()) {
        case "Inform" -> {
            // An Inform inside a session (a device that starts over): the instance read for its limit.
            Optional<Instance> informed = instance.isPresent() ? instance : instance(tenant, instanceId);
            if (!refused(answer, informed)) {
                inform(http, answer, keys, informed.get(), message, now);
            }
        }
        case "GetRPCMethods" -> xml(answer, CwmpWriter.getRpcMethodsResponse(message.version(), message.id()));
        case "TransferComplete", "AutonomousTransferComplete" -> xml(answer, CwmpWriter.transferCompleteResponse(message.version(), message.id(),
                message.method()));
        default -> {
            if (session.isEmpty()) {
                fault(answer, message.version(), message.id(), CwmpFault.INVALID_ARGUMENTS, "A session begins with an Inform");
            } else if (message.method().endsWith("Response") || message.method().equals("Fault")) {
                // The device's answer to the ACS's last request: it finishes that task, and the next one follows.
                store.inTransaction(transaction -> DeviceTasks.in(transaction).answer(session.get().deviceId(), message, now));
                nextRequest(answer, session, now);
            } else {
                fault(answer, message.version(), message.id(), CwmpFault.METHOD_NOT_SUPPORTED, message.method());
            }
        }
        }
    }

    /** The device's next task as an RPC, or 204 to end the session when none waits (or there is no session to send it in). */
    private void nextRequest(HttpServletResponse answer, Optional<SessionTickets.Ticket> session, Instant now) throws IOException {
        Optional<DeviceTask> task = session.isEmpty() ? Optional.empty()
                : store.inTransaction(transaction -> DeviceTasks.in(transaction).next(session.get().deviceId(), now));
        if (task.isEmpty()) {
            answer.setStatus(204);
            return;
        }
        xml(answer, request(session.get().version(), task.get()));
    }

    /** A task as its RPC; the task's id is the cwmp:ID the device answers to, and (hyphens dropped, 32 characters) its command key. */
    static String request(CwmpVersion version, DeviceTask task) {
        String key = task.id().replace("-", "");
        return switch (task.kind()) {
        case REBOOT -> CwmpWriter.reboot(version, task.id(), key);
        case FACTORY_RESET -> CwmpWriter.factoryReset(version, task.id());
        case GET_PARAMETER_VALUES -> CwmpWriter.getParameterValues(version, task.id(), task.names());
        case SET_PARAMETER_VALUES -> CwmpWriter.setParameterValues(version, task.id(), task.values(), key);
        };
    }

    private void inform(HttpServletRequest http, HttpServletResponse answer, Keys keys, Instance instance, CwmpMessage message, Instant now)
            throws IOException {
        String instanceId = instance.id().toString();
        long limit = instance.configuration().expectedDevices();
        DeviceRegistry.Admission admission = store.inTransaction(transaction -> DeviceRegistry.in(transaction)
                .inform(instanceId, limit, message.inform().orElseThrow(), now));
        if (admission.deviceId().isEmpty()) {
            fault(answer, message.version(), message.id(), CwmpFault.REQUEST_DENIED,
                    "This instance takes " + limit + " devices and knows as many; its customer can raise the expected devices");
            return;
        }
        Cookie cookie = new Cookie(SessionTickets.COOKIE, keys.tickets().issue(instanceId, admission.deviceId().get(), message.version(), now));
        cookie.setPath(PREFIX + instanceId);
        cookie.setHttpOnly(true);
        cookie.setSecure(http.isSecure());
        answer.addCookie(cookie);
        xml(answer, CwmpWriter.informResponse(message.version(), message.id()));
    }

    /**
     * The instance the address names, if it is live and its tenant's: anything else is not found, the same way. An
     * instance's tenant never changes, so it is read once and kept.
     */
    private Optional<Instance> instance(Tenant tenant, String instanceId) {
        Optional<Instance> found = instances.find(InstanceId.parse(instanceId)).filter(instance -> instance.state() != InstanceState.DELETED);
        if (found.isEmpty()) {
            return found;
        }
        TenantId owner = tenants.get(instanceId);
        if (owner == null) {
            Optional<TenantId> read = accounts.find(found.get().account()).map(Account::tenant);
            if (read.isEmpty()) {
                return Optional.empty();
            }
            owner = read.get();
            if (tenants.size() >= TENANTS_KEPT) {
                tenants.clear();
            }
            tenants.put(instanceId, owner);
        }
        return owner.equals(tenant.id()) ? found : Optional.empty();
    }

    /** Answers 404 for an instance that is not there, 503 with Retry-After for a disabled one; false for an enabled one. */
    private static boolean refused(HttpServletResponse answer, Optional<Instance> instance) throws IOException {
        if (instance.isEmpty()) {
            notFound(answer);
            return true;
        }
        if (instance.get().state() == InstanceState.DISABLED) {
            answer.setHeader("Retry-After", RETRY_AFTER_SECONDS);
            ProblemAnswer.write(answer, 503, "instance-disabled", "Service Unavailable",
                    "This instance is disabled. Its devices are let in again once its customer enables it.");
            return true;
        }
        return false;
    }

    private static void notFound(HttpServletResponse answer) throws IOException {
        ProblemAnswer.write(answer, 404, "not-found", "Not Found", "No instance answers at this address.");
    }

    private boolean authenticated(HttpServletRequest http, HttpServletResponse answer, DigestAuthentication digest, Endpoints.Endpoint endpoint,
            Instant now) {
        String realm = endpoint.realm();
        String header = http.getHeader("Authorization");
        String uri = http.getRequestURI() + (http.getQueryString() == null ? "" : "?" + http.getQueryString());
        DigestAuthentication.Outcome outcome = header == null ? DigestAuthentication.Outcome.INVALID
                : digest.verify(header, "POST", uri, realm, endpoint.username(), Optional.of(endpoint.ha1()), now);
        if (outcome == DigestAuthentication.Outcome.VALID) {
            return true;
        }
        challenge(answer, digest, realm, now, outcome == DigestAuthentication.Outcome.STALE);
        return false;
    }

    private static void challenge(HttpServletResponse answer, DigestAuthentication digest, String realm, Instant now, boolean stale) {
        answer.setStatus(401);
        answer.setHeader("WWW-Authenticate", digest.challenge(realm, now, stale));
        answer.setContentLength(0);
    }

    private Keys keys(Instant now) {
        Keys known = keys;
        if (known == null) {
            byte[] key = store.inTransaction(transaction -> Endpoints.in(transaction).key(now));
            known = new Keys(new DigestAuthentication(key), new SessionTickets(key));
            keys = known;
        }
        return known;
    }

    private static String cookie(HttpServletRequest http) {
        Cookie[] cookies = http.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (SessionTickets.COOKIE.equals(cookie.getName())) {
                    return cookie.getValue();
                }
            }
        }
        return null;
    }

    /** The body, or null when it was too large and 413 was answered. */
    private static byte[] body(HttpServletRequest http, HttpServletResponse answer) throws IOException {
        if (http.getContentLengthLong() > MAX_ENVELOPE_BYTES) {
            tooLarge(answer);
            return null;
        }
        try (InputStream in = http.getInputStream()) {
            byte[] body = in.readNBytes(MAX_ENVELOPE_BYTES + 1);
            if (body.length > MAX_ENVELOPE_BYTES) {
                tooLarge(answer);
                return null;
            }
            return body;
        }
    }

    private static void tooLarge(HttpServletResponse answer) throws IOException {
        ProblemAnswer.write(answer, 413, "too-large", "Payload Too Large", "An envelope is at most " + MAX_ENVELOPE_BYTES / 1024 + " kB.");
    }

    private static void fault(HttpServletResponse answer, CwmpVersion version, Optional<String> id, CwmpFault fault, String detail) throws IOException {
        answer.setStatus(500);
        write(answer, CwmpWriter.fault(version, id, fault, detail));
    }

    private static void xml(HttpServletResponse answer, String envelope) throws IOException {
        answer.setStatus(200);
        write(answer, envelope);
    }

    private static void write(HttpServletResponse answer, String envelope) throws IOException {
        byte[] bytes = envelope.getBytes(StandardCharsets.UTF_8);
        answer.setContentType(XML);
        answer.setContentLength(bytes.length);
        answer.getOutputStream().write(bytes);
    }
}
