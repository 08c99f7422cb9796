package org.dmscloud.itests;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** Reading a mailbox of the test mail server over IMAP, as a customer's mail program would. */
final class Mailboxes {

    private Mailboxes() {
    }

    /**
     * The mails in a recipient's mailbox: each as its subject, a blank line, and its text, followed by a line
     * "[attached: file name]" for each attached file and a line "[from: sender]".
     */
    /** Waits up to a minute for a mail to the recipient whose text starts so, and answers its text. */
    static String await(int imapPort, String recipient, String start) {
        return Await.until("a mail \"" + start + "…\" to " + recipient,
                () -> read(imapPort, recipient).stream().filter(m -> m.startsWith(start)).findFirst().orElse(null));
    }

    static List<String> read(int imapPort, String recipient) {
        javax.mail.Session session = javax.mail.Session.getInstance(new Properties());
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(javax.mail.Session.class.getClassLoader());
        try {
            javax.mail.Store store = session.getStore("imap");
            store.connect("127.0.0.1", imapPort, recipient, recipient);
            try {
                javax.mail.Folder inbox = store.getFolder("INBOX");
                inbox.open(javax.mail.Folder.READ_ONLY);
                List<String> mails = new ArrayList<>();
                for (javax.mail.Message message : inbox.getMessages()) {
                    String from = message.getFrom() == null || message.getFrom().length == 0 ? "" : message.getFrom()[0].toString();
                    mails.add(message.getSubject() + "\n\n" + text(message.getContent()) + "\n[from: " + javax.mail.internet.MimeUtility.decodeText(from) + "]");
                }
                inbox.close(false);
                return mails;
            } finally {
                store.close();
            }
        } catch (javax.mail.MessagingException | IOException e) {
            throw new IllegalStateException("could not read the mailbox of " + recipient, e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static String text(Object content) throws javax.mail.MessagingException, IOException {
        if (!(content instanceof javax.mail.Multipart multipart)) {
            return String.valueOf(content);
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < multipart.getCount(); i++) {
            javax.mail.BodyPart part = multipart.getBodyPart(i);
            if (part.getFileName() != null) {
                text.append("\n[attached: ").append(part.getFileName()).append("]");
            } else {
                text.insert(0, text(part.getContent()));
            }
        }
        return text.toString();
    }
}
