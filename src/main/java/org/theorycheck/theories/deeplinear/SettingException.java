package org.theorycheck.theories.deeplinear;

/**
 * A setting of the deep-linear theory that is not allowed, named by its experiment key: the classes that
 * hold settings (tasks, networks, initialisations, runs) check their own values and say which key is wrong,
 * and the experiment schema turns it into a bad-input error at the file's line of that key.
 */
public final class SettingException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String key;
    private final String problem;

    /**
     * @param key     the dotted experiment key, e.g. {@code train.rate}
     * @param problem what is wrong and what is allowed, e.g. "must be > 0 (λ of eq 1), got 0"
     */
    public SettingException(String key, String problem) {
        super(key + ": " + problem);
        this.key = key;
        this.problem = problem;
    }

    /**
     * A setting error said as "key: problem" by a class that does not throw this type; null if the message
     * does not start with a dotted key.
     */
    public static SettingException of(IllegalArgumentException e) {
        if (e instanceof SettingException s) {
            return s;
        }
        String message = e.getMessage() == null ? "" : e.getMessage();
        int colon = message.indexOf(": ");
        if (colon < 0 || !message.substring(0, colon).matches("[a-z0-9_]+(\\.[a-z0-9_]+)+")) {
            return null;
        }
        SettingException s = new SettingException(message.substring(0, colon), message.substring(colon + 2));
        s.initCause(e);
        return s;
    }

    public String key() {
        return key;
    }

    public String problem() {
        return problem;
    }
}
