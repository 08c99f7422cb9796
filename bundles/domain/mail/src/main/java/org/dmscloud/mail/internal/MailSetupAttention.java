package org.dmscloud.mail.internal;

import java.util.ArrayList;
import java.util.List;

import org.dmscloud.api.health.OperatorAttention;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * What the mail configuration still lacks for customers, said to operators (health's attention, dms:setup-check): a
 * mail server, the operators' own addresses, and the portal's public address that mails link to.
 */
@Component(service = OperatorAttention.class, configurationPid = MailConfiguration.PID)
public class MailSetupAttention implements OperatorAttention {

    private final List<String> sentences;

    @Activate
    public MailSetupAttention(MailConfiguration configuration) {
        this.sentences = sentences(configuration);
    }

    static List<String> sentences(MailConfiguration configuration) {
        String file = "etc/" + MailConfiguration.PID + ".cfg";
        List<String> needs = new ArrayList<>();
        if (configuration.smtpHost().isBlank()) {
            needs.add("mail: no mail server (smtpHost in " + file + "): customers' mail waits in the outbox");
        }
        if (configuration.operatorAddresses().isBlank()) {
            needs.add("mail: no operatorAddresses in " + file + ": nobody is told of bank-transfer requests, Contact Us messages "
                    + "or security events");
        }
        String portal = configuration.portalUrl().toLowerCase(java.util.Locale.ROOT);
        if (portal.contains("://localhost") || portal.contains("://127.") || portal.contains("://[::1]")) {
            needs.add("mail: the links in mails lead to " + configuration.portalUrl() + " (portalUrl in " + file + "): set the portal's "
                    + "public address");
        }
        return List.copyOf(needs);
    }

    @Override
    public List<String> attention() {
        return sentences;
    }
}
