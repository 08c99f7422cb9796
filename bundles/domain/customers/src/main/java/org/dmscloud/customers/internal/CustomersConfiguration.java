package org.dmscloud.customers.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "DMS Cloud customers", description = "Registration, sign-in and password policy of the portal.")
public @interface CustomersConfiguration {

    String PID = "org.dmscloud.customers";

    @AttributeDefinition(description = "PBKDF2-HMAC-SHA256 iterations for new password hashes (OWASP 2023: 600,000).")
    int passwordIterations() default 600_000;

    @AttributeDefinition(description = "The least strength of a new password on zxcvbn's scale of 0 (guessed at once) to 4 "
            + "(very hard to guess); 3 is safely unguessable.")
    int minPasswordScore() default PasswordPolicy.DEFAULT_MIN_SCORE;

    @AttributeDefinition(description = "Hours a sign-in session lasts.")
    int sessionHours() default 12;

    @AttributeDefinition(description = "Hours an address verification link stays valid.")
    int verificationHours() default 48;

    @AttributeDefinition(description = "Minutes a password reset link stays valid.")
    int passwordResetMinutes() default 60;

    @AttributeDefinition(description = "Failed sign-ins for one email address within a day after which it waits lockMinutes, registered or not.")
    int maxFailedSignIns() default 5;

    @AttributeDefinition(description = "Minutes an email address waits after maxFailedSignIns failures.")
    int lockMinutes() default 15;

    @AttributeDefinition(description = "Failed sign-ins from one client address within addressWindowMinutes before it must wait.")
    int maxFailuresPerAddress() default 20;

    @AttributeDefinition(description = "The window of maxFailuresPerAddress, and the wait once it is reached, in minutes.")
    int addressWindowMinutes() default 15;
}
