package org.dmscloud.web.internal;

/**
 * What the layout of every page needs: whose portal it is, the page's title and the texts in the visitor's
 * language.
 *
 * @param brand the tenant's name as its customers know it
 */
public record Page(String brand, String title, Texts texts) {
}
