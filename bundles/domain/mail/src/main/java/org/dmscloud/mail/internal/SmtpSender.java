package org.dmscloud.mail.internal;

import java.util.List;
import java.util.Properties;

import javax.activation.DataHandler;
import javax.mail.Message;
import javax.mail.MessagingException;
import javax.mail.Part;
import javax.mail.PasswordAuthentication;
import javax.mail.Session;
import javax.mail.Transport;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeBodyPart;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;
import javax.mail.util.ByteArrayDataSource;

import org.dmscloud.api.mail.Attachment;

/** Sends one mail, with its files if it has any, over SMTP with javax.mail. */
final class SmtpSender {

    private final Session session;
    private final InternetAddress from;

    SmtpSender(MailConfiguration configuration) {
        Properties properties = new Properties();
        String timeout = Integer.toString(configuration.timeoutSeconds() * 1000);
        properties.put("mail.smtp.host", configuration.smtpHost());
        properties.put("mail.smtp.port", Integer.toString(configuration.smtpPort()));
        properties.put("mail.smtp.connectiontimeout", timeout);
        properties.put("mail.smtp.timeout", timeout);
        properties.put("mail.smtp.writetimeout", timeout);
        properties.put("mail.smtp.starttls.enable", Boolean.toString(configuration.smtpStartTls()));
        properties.put("mail.smtp.starttls.required", Boolean.toString(configuration.smtpStartTls()));
        properties.put("mail.smtp.ssl.enable", Boolean.toString(configuration.smtpSsl()));
        boolean authenticated = !configuration.smtpUsername().isBlank();
        properties.put("mail.smtp.auth", Boolean.toString(authenticated));
        this.session = Session.getInstance(properties, authenticated ? new javax.mail.Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(configuration.smtpUsername(), configuration.smtpPassword());
            }
        } : null);
        try {
            this.from = new InternetAddress(configuration.from(), true);
        } catch (MessagingException e) {
            throw new IllegalArgumentException("from '" + configuration.from() + "' in " + MailConfiguration.PID + " is not an address", e);
        }
    }

    void send(MailRecord mail, List<Attachment> attachments) throws MessagingException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // javax.mail finds its providers through the context class loader (STACK.md pitfall 10).
        thread.setContextClassLoader(Session.class.getClassLoader());
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(mail.sender().isPresent() ? new InternetAddress(mail.sender().get(), true) : from);
            message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(mail.recipient(), true));
            message.setSubject(mail.subject(), "UTF-8");
            if (attachments.isEmpty()) {
                message.setText(mail.body(), "UTF-8");
            } else {
                MimeMultipart parts = new MimeMultipart();
                MimeBodyPart text = new MimeBodyPart();
                text.setText(mail.body(), "UTF-8");
                parts.addBodyPart(text);
                for (Attachment attachment : attachments) {
                    MimeBodyPart file = new MimeBodyPart();
                    file.setDataHandler(new DataHandler(new ByteArrayDataSource(attachment.content(), attachment.contentType())));
                    file.setFileName(attachment.fileName());
                    file.setDisposition(Part.ATTACHMENT);
                    parts.addBodyPart(file);
                }
                message.setContent(parts);
            }
            message.setHeader("X-DMS-Cloud-Mail", mail.kind() + "/" + mail.id());
            Transport.send(message);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
