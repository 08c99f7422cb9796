package org.dmscloud.mail.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "DMS Cloud mail", description = "Mail to customers and operators, delivered over SMTP.")
public @interface MailConfiguration {

    String PID = "org.dmscloud.mail";

    @AttributeDefinition(description = "SMTP server. Empty: mail is not delivered and stays in the outbox (dms:mail-list).")
    String smtpHost() default "";

    @AttributeDefinition(description = "SMTP port: 587 for STARTTLS, 465 for SSL, 25 for plain.")
    int smtpPort() default 587;

    @AttributeDefinition(description = "SMTP user name; empty for none.")
    String smtpUsername() default "";

    @AttributeDefinition(type = AttributeType.PASSWORD, description = "SMTP password.")
    String smtpPassword() default "";

    @AttributeDefinition(description = "Require STARTTLS.")
    boolean smtpStartTls() default true;

    @AttributeDefinition(description = "Connect with SSL/TLS from the start (port 465).")
    boolean smtpSsl() default false;

    @AttributeDefinition(description = "Sender of the platform's mail: to the default tenant's customers and to the people who run tenants. "
            + "A reseller's customers get mail from its brand's sender (dms:tenant-update --mail-from).")
    String from() default "DMS Cloud <no-reply@dmscloud.example>";

    @AttributeDefinition(description = "The platform's name in the default tenant's customer mail.")
    String brandName() default "DMS Cloud";

    @AttributeDefinition(description = "Where the default tenant's customers write with questions, in the signature of their mail; empty for none.")
    String supportAddress() default "";

    @AttributeDefinition(description = "Where mail for operators goes (a top-up waiting for an invoice, a Contact Us message): "
            + "addresses separated by commas. Empty: nothing is sent to operators; the shell still lists everything.")
    String operatorAddresses() default "";

    @AttributeDefinition(description = "The platform's portal address, for links in the default tenant's customer mail. "
            + "A reseller's links point at its brand's portal address.")
    String portalUrl() default "http://localhost:8181";

    @AttributeDefinition(description = "Seconds between looks at the outbox.")
    int pollSeconds() default 5;

    @AttributeDefinition(description = "Attempts per mail before it is given up (FAILED, retried by an operator).")
    int maxAttempts() default 12;

    @AttributeDefinition(description = "Seconds to wait for the SMTP server.")
    int timeoutSeconds() default 30;
}
