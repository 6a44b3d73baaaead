package org.smarthall.api;

/** The thing asked for does not exist (a job id, an account number, a hall). */
public class NotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String what;
    private final String key;

    public NotFoundException(String what, Object key) {
        super(what + " " + key + " not found");
        this.what = what;
        this.key = String.valueOf(key);
    }

    /** The kind of thing, e.g. {@code "job"}. */
    public String what() {
        return what;
    }

    /** The key that was looked up. */
    public String key() {
        return key;
    }
}
