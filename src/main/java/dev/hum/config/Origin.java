package dev.hum.config;

/** Where a {@link ProjectConfig} came from, in discovery order. */
public enum Origin {
    HUM_FILE,
    PACKAGE_JSON,
    PROCFILE,
    DEMO
}
