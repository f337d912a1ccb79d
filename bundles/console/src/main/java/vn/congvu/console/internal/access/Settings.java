package vn.congvu.console.internal.access;

/** Range checks of the console's settings, failing the component with the setting's name and range. */
final class Settings {

    private Settings() {
    }

    static int within(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(key + " = " + value + " is outside " + min + ".." + max
                    + " (etc/" + ConsoleConfig.PID + ".cfg)");
        }
        return value;
    }
}
