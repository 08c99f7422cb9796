package org.dmscloud.http;

/** Text put into HTML or XML that others write: a device's values in a SOAP envelope, a message in a page. */
public final class Markup {

    private Markup() {
    }

    /**
     * The text with the five characters that mean markup escaped, so that it reads as text in an element or a quoted
     * attribute of HTML or XML, and without the control characters XML 1.0 does not allow (tab, line feed and carriage
     * return stay). Nothing (null) is the empty text.
     */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
            case '<' -> escaped.append("&lt;");
            case '>' -> escaped.append("&gt;");
            case '&' -> escaped.append("&amp;");
            case '"' -> escaped.append("&quot;");
            // &apos; is XML's, and not HTML 4's: the numeric reference means the same in both.
            case '\'' -> escaped.append("&#39;");
            default -> {
                if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                    escaped.append(c);
                }
            }
            }
        }
        return escaped.toString();
    }
}
