package org.dmscloud.api.customer;

/** What a person registers with. Checked by {@link CustomerAuth#register}, which names what is wrong. */
public record Registration(String email, String password, String name, String company) {
}
