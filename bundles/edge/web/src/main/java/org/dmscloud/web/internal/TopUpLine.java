package org.dmscloud.web.internal;

/** A top-up in a list: when, how, how much, and where it stands. */
public record TopUpLine(String id, String date, String provider, String amount, String status) {

    public String href() {
        return TopUpPages.PATH + "/" + id;
    }
}
