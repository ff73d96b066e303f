package com.acme;

/** Application settings, one instance for the whole process. */
public final class Settings {
    public static final Settings INSTANCE = new Settings();

    private int timeoutSeconds = 30;

    private Settings() {}

    public int getTimeoutSeconds() {
        return timeoutSeconds;
    }

    public void setTimeoutSeconds(int timeoutSeconds) {
        this.timeoutSeconds = timeoutSeconds;
    }
}
