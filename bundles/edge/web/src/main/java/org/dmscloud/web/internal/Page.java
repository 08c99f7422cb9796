package org.dmscloud.web.internal;

/**
 * What the layout of every page needs: whose portal it is, the page's title, the texts in the visitor's language,
 * and who is signed in (for the menu and its sign-out form).
 *
 * @param brand the tenant's name as its customers know it
 * @param signedIn the signed-in customer's name; empty for a visitor
 * @param csrf this browser's form token, for the forms on the page ({@link FormTokens})
 */
public record Page(String brand, String title, Texts texts, String signedIn, String csrf) {

    /** A page for a visitor who is not signed in, with no form. */
    static Page forVisitor(String brand, String title, Texts texts) {
        return new Page(brand, title, texts, "", "");
    }

    /** The browser tab's title: the page's, then whose portal it is (unless the title starts with it already). */
    public String documentTitle() {
        return brand.isEmpty() || title.startsWith(brand) ? title : title + " – " + brand;
    }

    public boolean isSignedIn() {
        return !signedIn.isEmpty();
    }
}
