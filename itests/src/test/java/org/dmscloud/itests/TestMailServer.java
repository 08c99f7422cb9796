package org.dmscloud.itests;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A real SMTP and IMAP server (GreenMail) for a test run, started in the test JVM: the distribution sends
 * to it over SMTP, the tests inside the distribution read their mail over IMAP, as a customer's mail
 * program would. No test class names GreenMail's types, so that they load inside the distribution too.
 */
final class TestMailServer {

    private TestMailServer() {
    }

    /** Starts the server; answers its SMTP and IMAP ports. Any user name and password open any mailbox. */
    static int[] start(int smtpPort, int imapPort) {
        GreenMail greenMail = new GreenMail(new ServerSetup[] { new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP) })
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        greenMail.start();
        Runtime.getRuntime().addShutdownHook(new Thread(greenMail::stop));
        return new int[] { smtpPort, imapPort };
    }
}
