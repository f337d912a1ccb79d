package vn.congvu.health.internal;

/** Whether a written value is of its setting's declared type, and if not, why in words. */
final class SettingTypes {

    private SettingTypes() {
    }

    /**
     * @param value   the value as written in the file, trimmed
     * @param setting what the component declares
     * @return null if the value fits, else what is wrong with it, starting with the value
     */
    static String problem(String value, DeclaredSetting setting) {
        if (value.contains("${")) {
            return null; // resolved by FileInstall from the framework's properties (${congvu.home}); a path, not checked here
        }
        boolean fits = switch (setting.type()) {
            case "Integer" -> fits(value, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case "Long" -> fits(value, Long.MIN_VALUE, Long.MAX_VALUE);
            case "Short" -> fits(value, Short.MIN_VALUE, Short.MAX_VALUE);
            case "Byte" -> fits(value, Byte.MIN_VALUE, Byte.MAX_VALUE);
            case "Boolean" -> value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false");
            case "Double", "Float" -> isDecimal(value);
            default -> true;
        };
        if (fits) {
            return null;
        }
        String expected = switch (setting.type()) {
            case "Boolean" -> "true or false";
            case "Double", "Float" -> "a number such as 1.5";
            default -> "a whole number";
        };
        return value + " is not " + expected + " (" + setting.description() + ")";
    }

    private static boolean fits(String value, long lowest, long highest) {
        if (!value.matches("-?[0-9]{1,19}")) {
            return false;
        }
        try {
            long number = Long.parseLong(value);
            return number >= lowest && number <= highest;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isDecimal(String value) {
        return value.matches("-?[0-9]+(\\.[0-9]+)?");
    }
}
