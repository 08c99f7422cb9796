package org.dmscloud.api.contact;

/**
 * What a person filled in on the Contact Us form; validated by {@link ContactService#submit}.
 *
 * @param company may be empty
 * @param topic   a {@link ContactTopic#wireName() topic's API name}
 */
public record NewContactMessage(String name, String email, String company, String topic, String message) {
}
