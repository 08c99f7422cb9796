package org.dmscloud.acs.internal.devices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import javax.sql.DataSource;

import org.dmscloud.acs.internal.auth.DigestAuthentication;
import org.dmscloud.acs.internal.auth.Endpoints;
import org.dmscloud.acs.internal.cwmp.CwmpMessage;
import org.dmscloud.acs.internal.cwmp.CwmpVersion;
import org.dmscloud.acs.internal.cwmp.Inform;
import org.dmscloud.acs.internal.devices.DeviceRegistry.Outcome;
import org.dmscloud.acs.internal.tasks.DeviceTasks;
import org.dmscloud.api.acs.Device;
import org.dmscloud.api.acs.DevicePage;
import org.dmscloud.api.acs.DeviceTask;
import org.dmscloud.api.acs.NewTask;
import org.dmscloud.api.acs.ParameterValue;
import org.dmscloud.api.acs.TaskKind;
import org.dmscloud.api.acs.TaskState;
import org.dmscloud.api.customer.InvalidInputException;
import org.dmscloud.persistence.Store;
import org.dmscloud.billing.testing.BillingRows;
import org.dmscloud.persistence.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** An instance's devices, its limit and its devices' tasks, on every database the platform supports. */
abstract class DeviceRegistryContractTest {

    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

    private TestDatabases.OpenStore database;
    private Store store;

    protected abstract DataSource dataSource();

    @BeforeEach
    void open() {
        database = TestDatabases.open(dataSource(), TestDatabases.TENANTS, TestDatabases.BILLING, TestDatabases.ACS);
        store = database.store();
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void knownDevicesAlwaysGetInAndNewOnesOnlyUpToTheExpectedDevices() {
        String instance = instanceWithEndpoint();

        assertThat(inform(instance, 2, "SN1")).isEqualTo(Outcome.ADDED);
        assertThat(inform(instance, 2, "SN2")).isEqualTo(Outcome.ADDED);
        assertThat(inform(instance, 2, "SN3")).isEqualTo(Outcome.REFUSED);
        assertThat(inform(instance, 2, "SN3")).as("the same device again: still refused, counted once").isEqualTo(Outcome.REFUSED);
        assertThat(inform(instance, 2, "SN4")).isEqualTo(Outcome.REFUSED);
        assertThat(inform(instance, 2, "SN1")).as("a known device, the instance full").isEqualTo(Outcome.KNOWN);

        assertThat(counts(instance)).isEqualTo(new DeviceRegistry.Counts(2, 2));
        assertThat(inform(instance, 3, "SN3")).as("the expected devices raised").isEqualTo(Outcome.ADDED);
    }

    @Test
    void anInformKeepsTheDevicesSoftwareVersionAndConnectionRequestUrl() throws Exception {
        String instance = instanceWithEndpoint();
        inform(instance, 10, "SN1");
        store.inTransaction(tx -> DeviceRegistry.in(tx).inform(instance, 10, new Inform(device("SN1"), List.of(new Inform.Event("2 PERIODIC", "")), 1, "", 0,
                Map.of("Device.DeviceInfo.SoftwareVersion", "V3.2", "Device.ManagementServer.ConnectionRequestURL", "http://10.0.0.9:7547/cr")),
                NOW.plusSeconds(60)));

        assertThat(TestDatabases.queryForString(database.dataSource(), "SELECT software_version || ' ' || connection_request_url || ' ' || last_events "
                + "FROM acs_device WHERE instance_id = '" + instance + "'")).isEqualTo("V3.2 http://10.0.0.9:7547/cr 2 PERIODIC");
    }

    @Test
    void aDeviceKeepsItsIdAcrossInformsAndARefusedOneGetsNone() throws Exception {
        String instance = instanceWithEndpoint();
        DeviceRegistry.Admission first = admit(instance, 1, "SN1", NOW);
        DeviceRegistry.Admission again = admit(instance, 1, "SN1", NOW.plusSeconds(300));

        assertThat(first.deviceId()).isPresent();
        assertThat(again).isEqualTo(new DeviceRegistry.Admission(Outcome.KNOWN, first.deviceId()));
        assertThat(admit(instance, 1, "SN2", NOW).deviceId()).isEmpty();
    }

    @Test
    void devicesArePagedMostRecentFirstAndFoundByAPartOfTheirSerialProductClassOrOui() throws Exception {
        String instance = instanceWithEndpoint();
        for (int i = 1; i <= 5; i++) {
            admit(instance, 10, "SN-" + i, NOW.plusSeconds(i));
        }
        admit(instance, 10, "X_%", NOW.plusSeconds(10));

        DevicePage page = store.read(tx -> DeviceRegistry.in(tx).page(instance, "", 0, 2));
        assertThat(page.total()).isEqualTo(6);
        assertThat(page.devices()).extracting(Device::serialNumber).containsExactly("X_%", "SN-5");
        assertThat(store.read(tx -> DeviceRegistry.in(tx).page(instance, "", 2, 2)).devices()).extracting(Device::serialNumber)
                .containsExactly("SN-4", "SN-3");
        assertThat(store.read(tx -> DeviceRegistry.in(tx).page(instance, "sn-3", 0, 10)).devices()).extracting(Device::serialNumber)
                .containsExactly("SN-3");
        assertThat(store.read(tx -> DeviceRegistry.in(tx).page(instance, "_%", 0, 10)).devices()).as("LIKE's wildcards are searched as text")
                .extracting(Device::serialNumber).containsExactly("X_%");
        assertThat(store.read(tx -> DeviceRegistry.in(tx).page(instance, "hg82", 0, 10)).total()).as("by product class").isEqualTo(6);
        String another = instanceWithEndpoint();
        assertThat(store.read(tx -> DeviceRegistry.in(tx).page(another, "", 0, 10)).total()).as("another instance's").isZero();
    }

    @Test
    void aDevicesTasksAreSentOldestFirstEachFinishedByTheAnswerToItsId() throws Exception {
        String instance = instanceWithEndpoint();
        String device = admit(instance, 10, "SN1", NOW).deviceId().orElseThrow();
        DeviceTask reboot = queue(device, new NewTask(TaskKind.REBOOT, List.of(), List.of()));
        DeviceTask read = queue(device, new NewTask(TaskKind.GET_PARAMETER_VALUES, List.of("Device.DeviceInfo.", "Device.Time.Enable"), List.of()));
        DeviceTask write = queue(device, new NewTask(TaskKind.SET_PARAMETER_VALUES, List.of(),
                List.of(new ParameterValue("Device.Time.Enable", "true", "xsd:boolean"))));
        assertThat(read.names()).containsExactly("Device.DeviceInfo.", "Device.Time.Enable");
        assertThat(write.values()).containsExactly(new ParameterValue("Device.Time.Enable", "true", "xsd:boolean"));

        assertThat(next(device)).hasValueSatisfying(task -> assertThat(task.id()).isEqualTo(reboot.id()));
        assertThat(next(device)).as("sent, not answered: a broken session sends it again").hasValueSatisfying(task -> assertThat(task.id())
                .isEqualTo(reboot.id()));
        assertThat(answer(device, CwmpMessage.of(CwmpVersion.V1_2, Optional.of(reboot.id()), "RebootResponse"))).isTrue();
        assertThat(answer(device, CwmpMessage.of(CwmpVersion.V1_2, Optional.of(reboot.id()), "RebootResponse"))).as("answered once").isFalse();

        assertThat(next(device)).hasValueSatisfying(task -> assertThat(task.id()).isEqualTo(read.id()));
        answer(device, new CwmpMessage(CwmpVersion.V1_2, Optional.of(read.id()), "GetParameterValuesResponse", Optional.empty(), Optional.empty(),
                Map.of("Device.DeviceInfo.SoftwareVersion", "2.1"), Optional.empty()));
        assertThat(next(device)).hasValueSatisfying(task -> assertThat(task.id()).isEqualTo(write.id()));
        answer(device, new CwmpMessage(CwmpVersion.V1_2, Optional.of(write.id()), "Fault", Optional.empty(), Optional.empty(), Map.of(),
                Optional.of(new CwmpMessage.CpeFault(9003, "Invalid arguments", Map.of("Device.Time.Enable", "9008 Not writable")))));
        assertThat(next(device)).isEmpty();

        List<DeviceTask> latest = store.read(tx -> DeviceTasks.in(tx).latest(device));
        assertThat(latest).extracting(DeviceTask::id).containsExactly(write.id(), read.id(), reboot.id());
        assertThat(latest.get(0)).extracting(DeviceTask::state, DeviceTask::faultCode, DeviceTask::faultString)
                .containsExactly(TaskState.FAILED, Optional.of(9003), Optional.of("Invalid arguments"));
        assertThat(latest.get(0).answered()).containsExactly(new ParameterValue("Device.Time.Enable", "9008 Not writable", ""));
        assertThat(latest.get(1).state()).isEqualTo(TaskState.DONE);
        assertThat(latest.get(1).answered()).containsExactly(new ParameterValue("Device.DeviceInfo.SoftwareVersion", "2.1", ""));
        assertThat(latest.get(2).finishedAt()).hasValue(NOW);
    }

    @Test
    void anAnswerFinishesOnlyATaskSentToThatDevice() throws Exception {
        String instance = instanceWithEndpoint();
        String device = admit(instance, 10, "SN1", NOW).deviceId().orElseThrow();
        String other = admit(instance, 10, "SN2", NOW).deviceId().orElseThrow();
        DeviceTask reboot = queue(device, new NewTask(TaskKind.REBOOT, List.of(), List.of()));

        assertThat(answer(device, CwmpMessage.of(CwmpVersion.V1_2, Optional.of(reboot.id()), "RebootResponse"))).as("not sent yet").isFalse();
        next(device);
        assertThat(answer(other, CwmpMessage.of(CwmpVersion.V1_2, Optional.of(reboot.id()), "RebootResponse"))).as("another device's").isFalse();
        assertThat(answer(device, CwmpMessage.of(CwmpVersion.V1_2, Optional.empty(), "RebootResponse"))).as("no ID").isFalse();
        assertThat(store.read(tx -> DeviceTasks.in(tx).latest(device)).get(0).state()).isEqualTo(TaskState.SENT);
    }

    @Test
    void atMostTwentyTasksWaitForADeviceAndATaskIsOneItCanBeSent() throws Exception {
        String instance = instanceWithEndpoint();
        String device = admit(instance, 10, "SN1", NOW).deviceId().orElseThrow();
        for (int i = 0; i < 20; i++) {
            queue(device, new NewTask(TaskKind.REBOOT, List.of(), List.of()));
        }
        assertThatThrownBy(() -> queue(device, new NewTask(TaskKind.REBOOT, List.of(), List.of()))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("20 tasks already wait");
        String fresh = admit(instance, 10, "SN2", NOW).deviceId().orElseThrow();
        for (NewTask invalid : List.of(new NewTask(TaskKind.REBOOT, List.of("Device."), List.of()),
                new NewTask(TaskKind.GET_PARAMETER_VALUES, List.of(), List.of()),
                new NewTask(TaskKind.GET_PARAMETER_VALUES, List.of("Device..X"), List.of()),
                new NewTask(TaskKind.GET_PARAMETER_VALUES, List.of("<x/>"), List.of()),
                new NewTask(TaskKind.SET_PARAMETER_VALUES, List.of(), List.of(new ParameterValue("Device.", "1", "xsd:string"))),
                new NewTask(TaskKind.SET_PARAMETER_VALUES, List.of(), List.of(new ParameterValue("Device.X", "1", "xsd:float"))),
                new NewTask(TaskKind.SET_PARAMETER_VALUES, List.of(), List.of(new ParameterValue("Device.X", "-1", "xsd:unsignedInt"))),
                new NewTask(TaskKind.SET_PARAMETER_VALUES, List.of(), List.of(new ParameterValue("Device.X", "yes", "xsd:boolean"))))) {
            assertThatThrownBy(() -> queue(fresh, invalid)).as(invalid.toString()).isInstanceOf(InvalidInputException.class);
        }
        List<DeviceTask> none = store.read(tx -> DeviceTasks.in(tx).latest(fresh));
        assertThat(none).isEmpty();
    }

    private DeviceTask queue(String device, NewTask task) {
        return store.inTransaction(tx -> DeviceTasks.in(tx).queue(device, task, NOW));
    }

    private Optional<DeviceTask> next(String device) {
        return store.inTransaction(tx -> DeviceTasks.in(tx).next(device, NOW));
    }

    private boolean answer(String device, CwmpMessage message) {
        return store.inTransaction(tx -> DeviceTasks.in(tx).answer(device, message, NOW));
    }

    /** Two new devices at once and one place left, on two connections (two nodes): one gets in. */
    @RepeatedTest(5)
    void theLastPlaceGoesToOneDeviceWhenTwoInformAtOnce() throws Exception {
        String instance = instanceWithEndpoint();
        CyclicBarrier together = new CyclicBarrier(2);
        List<CompletableFuture<Outcome>> informs = List.of("SN-A", "SN-B").stream().map(serial -> CompletableFuture.supplyAsync(() -> {
            try {
                together.await();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return inform(instance, 1, serial);
        })).toList();

        List<Outcome> outcomes = informs.stream().map(CompletableFuture::join).toList();

        assertThat(outcomes).containsExactlyInAnyOrder(Outcome.ADDED, Outcome.REFUSED);
        assertThat(counts(instance)).isEqualTo(new DeviceRegistry.Counts(1, 1));
    }

    /** A new device's first Inform in two sessions at once (a retry overtaking a slow answer): one device, counted once. */
    @RepeatedTest(5)
    void aNewDeviceInformingTwiceAtOnceIsAddedAndCountedOnce() throws Exception {
        String instance = instanceWithEndpoint();
        CyclicBarrier together = new CyclicBarrier(2);
        List<CompletableFuture<Outcome>> informs = List.of(1, 2).stream().map(session -> CompletableFuture.supplyAsync(() -> {
            try {
                together.await();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return inform(instance, 5, "SN-TWICE");
        })).toList();

        List<Outcome> outcomes = informs.stream().map(CompletableFuture::join).toList();

        assertThat(outcomes).containsExactlyInAnyOrder(Outcome.ADDED, Outcome.KNOWN);
        assertThat(counts(instance)).isEqualTo(new DeviceRegistry.Counts(1, 0));
        assertThat(TestDatabases.queryForLong(database.dataSource(), "SELECT COUNT(*) FROM acs_device WHERE instance_id = '" + instance + "'"))
                .isEqualTo(1);
    }

    @Test
    void anEndpointIsMadeOnceItsPasswordStoredOnlyAsHa1AndRotated() throws Exception {
        String instance = instanceWithoutEndpoint();
        Endpoints.Credentials credentials = store.inTransaction(tx -> Endpoints.in(tx).create(instance, NOW)).orElseThrow();

        Optional<Endpoints.Credentials> again = store.inTransaction(tx -> Endpoints.in(tx).create(instance, NOW));
        assertThat(again).as("made once").isEmpty();
        Endpoints.Endpoint endpoint = store.read(tx -> Endpoints.in(tx).find(instance)).orElseThrow();
        assertThat(endpoint.ha1()).isEqualTo(DigestAuthentication.ha1(credentials.username(), credentials.realm(), credentials.password()));
        assertThat(credentials.password()).matches("[A-Za-z0-9]{20}");
        assertThat(TestDatabases.queryForLong(database.dataSource(), "SELECT COUNT(*) FROM acs_endpoint WHERE ha1 LIKE '%" + credentials.password() + "%'"))
                .isZero();
        Endpoints.Credentials rotated = store.inTransaction(tx -> Endpoints.in(tx).rotate(instance, NOW.plusSeconds(60))).orElseThrow();
        assertThat(rotated.password()).isNotEqualTo(credentials.password());
        assertThat(store.read(tx -> Endpoints.in(tx).find(instance)).orElseThrow().ha1())
                .isEqualTo(DigestAuthentication.ha1(rotated.username(), rotated.realm(), rotated.password()));
    }

    @Test
    void everyNodeGetsTheSameKey() {
        byte[] first = key(NOW);
        byte[] second = key(NOW.plusSeconds(1));

        assertThat(first).hasSize(32).isEqualTo(second);
    }

    private DeviceRegistry.Counts counts(String instance) {
        return store.read(tx -> DeviceRegistry.in(tx).counts(instance));
    }

    private Outcome inform(String instance, long limit, String serial) {
        return admit(instance, limit, serial, NOW).outcome();
    }

    private DeviceRegistry.Admission admit(String instance, long limit, String serial, java.time.Instant at) {
        return store.inTransaction(tx -> DeviceRegistry.in(tx).inform(instance, limit,
                new Inform(device(serial), List.of(new Inform.Event("0 BOOTSTRAP", "")), 1, "", 0, Map.of()), at));
    }

    private static Inform.DeviceId device(String serial) {
        return new Inform.DeviceId("Acme", "00D09E", "HG8245", serial);
    }

    private byte[] key(Instant now) {
        return store.inTransaction(tx -> Endpoints.in(tx).key(now));
    }

    private String instanceWithEndpoint() {
        String instance = instanceWithoutEndpoint();
        store.inTransaction(tx -> Endpoints.in(tx).create(instance, NOW));
        return instance;
    }

    /** An account with an instance, as billing would have made them. */
    private String instanceWithoutEndpoint() {
        return BillingRows.instance(store, NOW).toString();
    }
}
