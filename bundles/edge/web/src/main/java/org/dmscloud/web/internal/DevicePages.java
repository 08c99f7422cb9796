package org.dmscloud.web.internal;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.dmscloud.api.account.Account;
import org.dmscloud.api.acs.AcsCredentials;
import org.dmscloud.api.acs.AcsEndpoint;
import org.dmscloud.api.acs.AcsService;
import org.dmscloud.api.acs.DevicePage;
import org.dmscloud.api.instance.Instance;
import org.dmscloud.api.instance.InstanceNotFoundException;

/**
 * {@code /instances/<id>/devices}: an instance's CPE devices as its ACS knows them, with the endpoint's address, the
 * devices' user name, the counts against the expected devices, and the device password made (or replaced) on request
 * and shown on the page that follows only: it is not kept, so it is in no address, history or cache.
 */
final class DevicePages {

    static final int PAGE = 50;
    private static final int SEARCH_LENGTH = 64;

    private final AcsService acs;

    DevicePages(AcsService acs) {
        this.acs = acs;
    }

    void show(Visit visit, Account account, Instance instance, InstanceViews.Row row, String password, boolean shownBefore) throws IOException {
        String search = visit.field("search").strip();
        search = search.length() > SEARCH_LENGTH ? search.substring(0, SEARCH_LENGTH) : search;
        int offset = offset(visit.field("offset"));
        AcsEndpoint endpoint;
        DevicePage page;
        try {
            endpoint = acs.endpoint(account.id(), instance.id());
            page = acs.devices(account.id(), instance.id(), search, offset, PAGE);
        } catch (InstanceNotFoundException gone) {
            PortalPage.notFound(visit);
            return;
        }
        Texts texts = visit.texts;
        String base = row.href() + "/devices?" + (search.isEmpty() ? "" : "search=" + URLEncoder.encode(search, StandardCharsets.UTF_8) + "&");
        List<InstanceViews.DeviceRow> devices = page.devices().stream().map(device -> new InstanceViews.DeviceRow(device.serialNumber(),
                device.productClass(), device.oui(), device.softwareVersion(), AccountOverview.dateTime(device.lastInformAt(), visit.texts.locale())))
                .toList();
        visit.render(200, "devices.jte", new InstanceViews.DevicesView(visit.page(texts.format("devices.title", instance.name())), row,
                visit.tenant.portalUrl().orElseGet(() -> requestBase(visit)) + endpoint.path(), endpoint.username().orElse(""), password,
                texts.format("devices.count", endpoint.devices(), endpoint.expectedDevices()),
                endpoint.refusedDevices() == 0 ? "" : texts.format("devices.refused", endpoint.refusedDevices()),
                shownBefore ? texts.get("devices.password.shownBefore") : "", UUID.randomUUID().toString(), search, devices,
                offset == 0 ? "" : base + "offset=" + Math.max(0, offset - PAGE),
                offset + PAGE < page.total() ? base + "offset=" + (offset + PAGE) : ""), PageRenderer.Caching.PERSONAL);
    }

    /** Makes new credentials and shows the page with the password, once; a post without the form's token changes nothing. */
    void newPassword(Visit visit, Account account, Instance instance, InstanceViews.Row row) throws IOException {
        if (!visit.formAccepted()) {
            return;
        }
        boolean replacing;
        try {
            replacing = acs.endpoint(account.id(), instance.id()).username().isPresent();
        } catch (InstanceNotFoundException gone) {
            PortalPage.notFound(visit);
            return;
        }
        if (replacing && !"confirm".equals(visit.field("step"))) {
            // Replacing cuts every device off until it has the new password: asked once more, as disable and delete are.
            Texts texts = visit.texts;
            visit.render(200, "confirm.jte", new InstanceViews.ConfirmView(visit.page(texts.format("devices.password.replace.title", instance.name())),
                    row.href() + "/devices/credentials", texts.get("devices.password.replace.effect"), "", "", List.of(),
                    java.util.Map.of("requestKey", List.of(visit.requestKey())), texts.get("devices.password.replace"), row.href() + "/devices", "",
                    "", ""), PageRenderer.Caching.PERSONAL);
            return;
        }
        Optional<AcsCredentials> credentials = acs.newCredentials(account.id(), instance.id(), visit.requestKey());
        // Sent again (a reload of the page that showed it): the password was shown then and is not kept.
        show(visit, account, instance, row, credentials.map(AcsCredentials::password).orElse(""), credentials.isEmpty());
    }

    private static int offset(String text) {
        try {
            int offset = Integer.parseInt(text);
            return offset < 0 ? 0 : offset - offset % PAGE;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The address this request came to, when the tenant's brand names none. */
    private static String requestBase(Visit visit) {
        return visit.http.getScheme() + "://" + visit.http.getHeader("Host");
    }
}
