package org.dmscloud.api.instance;

/** No such instance in the caller's account: it does not exist, is deleted, or is someone else's. */
public class InstanceNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InstanceNotFoundException(InstanceId id) {
        super("There is no instance " + id + " in this account.");
    }
}
