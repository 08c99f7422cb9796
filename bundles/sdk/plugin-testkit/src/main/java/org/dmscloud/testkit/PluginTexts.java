package org.dmscloud.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

/** What the platform expects of the ids and the texts a plugin shows customers. */
final class PluginTexts {

    /** Lowercase letters, digits and '-', starting with a letter or digit, at most 63 characters: ids are stored and put in URLs. */
    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private PluginTexts() {
    }

    static void assertId(String what, String id) {
        assertThat(id).as("%s id", what).isNotNull().matches(ID);
    }

    /** Shown to customers on the portal and in mails: present, short enough, and free of control characters. */
    static void assertCustomerText(String what, String text, int maxLength) {
        assertThat(text).as(what).isNotNull().isNotBlank().hasSizeLessThanOrEqualTo(maxLength).isEqualTo(text.strip());
        assertThat(text.codePoints().filter(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT))
                .as("%s has no control or format characters", what).isEmpty();
    }
}
