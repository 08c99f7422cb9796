package org.dmscloud.web.internal;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The portal's words, from {@code texts.properties} beside this class: one file per language, so that a tenant's
 * portal can be translated without touching a page. A key that is missing shows as itself, so that a gap in a
 * translation is visible on the page instead of breaking it.
 */
public final class Texts {

    private static final String BUNDLE = "org.dmscloud.web.internal.texts";

    private final ResourceBundle bundle;
    private final Locale locale;

    private Texts(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    /** The texts in this language, or in English where it has none. */
    static Texts in(Locale locale) {
        return new Texts(ResourceBundle.getBundle(BUNDLE, locale, Texts.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)), locale);
    }

    public String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** The text with its {@code {0}}, {@code {1}}... replaced by these values. */
    public String format(String key, Object... values) {
        return new MessageFormat(get(key), locale).format(values);
    }

    public Locale locale() {
        return locale;
    }
}
