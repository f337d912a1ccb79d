package vn.congvu.health.internal;

/**
 * One setting a component declares in its metatype (an {@code AD} of an {@code OCD} designated to a PID).
 *
 * @param key          the key in the {@code .cfg} file, such as {@code ministry.port}
 * @param type         the metatype type name: String, Integer, Long, Boolean, ...
 * @param required     whether the setting has no default, so the file must give it
 * @param description  what the setting means, for the message that names it
 */
record DeclaredSetting(String key, String type, boolean required, String description) {
}
