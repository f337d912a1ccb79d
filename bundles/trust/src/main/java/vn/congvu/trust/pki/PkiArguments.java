package vn.congvu.trust.pki;

import java.math.BigInteger;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command line of {@code congvu pki}, parsed: {@code CA_DIR COMMAND ARGUMENT... [--OPTION VALUE]}. Options may
 * come anywhere after the command, as {@code --days 30} or {@code --days=30}; {@code --} ends them.
 *
 * @param caFolder    the CA's folder
 * @param command     what to do
 * @param positionals the command's arguments, in order
 * @param options     the options given, by name without dashes
 */
record PkiArguments(Path caFolder, String command, List<String> positionals, Map<String, String> options) {

    /** A command line that does not fit the usage; the tool prints the usage and exits with 2. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    private static final Map<String, Set<String>> OPTIONS = Map.of(
            "init", Set.of("name", "days"),
            "province", Set.of("days"),
            "ministry", Set.of("days"),
            "revoke", Set.of(),
            "crl", Set.of("days"),
            "list", Set.of());
    /** A hundred years: anything longer is a typo. */
    private static final long MAX_DAYS = 36_500;

    /** @return the parsed command line */
    static PkiArguments parse(String[] args) throws UsageException {
        if (args.length < 2) {
            throw new UsageException("name the CA folder and a command");
        }
        String command = args[1];
        Set<String> allowed = OPTIONS.get(command);
        if (allowed == null) {
            throw new UsageException("unknown command '" + command + "'");
        }
        List<String> positionals = new ArrayList<>();
        Map<String, String> options = new HashMap<>();
        List<String> rest = Arrays.asList(args).subList(2, args.length);
        boolean optionsEnded = false;
        for (int i = 0; i < rest.size(); i++) {
            String arg = rest.get(i);
            if (optionsEnded || !arg.startsWith("--")) {
                positionals.add(arg);
            } else if (arg.equals("--")) {
                optionsEnded = true;
            } else {
                int equals = arg.indexOf('=');
                String name = arg.substring(2, equals < 0 ? arg.length() : equals);
                if (!allowed.contains(name)) {
                    throw new UsageException("'" + command + "' takes no option --" + name);
                }
                if (equals < 0 && i + 1 >= rest.size()) {
                    throw new UsageException("--" + name + " needs a value");
                }
                String value = equals < 0 ? rest.get(++i) : arg.substring(equals + 1);
                if (options.put(name, value) != null) {
                    throw new UsageException("--" + name + " is given twice");
                }
            }
        }
        return new PkiArguments(path(args[0], "CA folder"), command, List.copyOf(positionals), Map.copyOf(options));
    }

    /** @throws UsageException unless there are between {@code min} and {@code max} arguments */
    void requireArguments(int min, int max, String what) throws UsageException {
        if (positionals.size() < min || positionals.size() > max) {
            throw new UsageException("'" + command + "' takes " + what + ", not " + positionals.size() + " argument"
                    + (positionals.size() == 1 ? "" : "s"));
        }
    }

    /** @return the {@code --days} option as a duration, or the default */
    Duration days(long defaultDays) throws UsageException {
        String value = options.get("days");
        if (value == null) {
            return Duration.ofDays(defaultDays);
        }
        try {
            long days = Long.parseLong(value);
            if (days >= 1 && days <= MAX_DAYS) {
                return Duration.ofDays(days);
            }
        } catch (NumberFormatException e) {
            // reported below, with the rule
        }
        throw new UsageException("--days is a whole number of days from 1 to " + MAX_DAYS + ", not '" + value + "'");
    }

    /** @return the {@code --name} option, or the default */
    String name(String defaultName) {
        return options.getOrDefault("name", defaultName);
    }

    /** @return a serial number as openssl and {@code list} print it: hex, with or without 0x or colons */
    static BigInteger serial(String text) throws UsageException {
        String hex = text.strip().replace(":", "");
        if (hex.startsWith("0x") || hex.startsWith("0X")) {
            hex = hex.substring(2);
        }
        if (hex.isEmpty() || hex.length() > 40 || !hex.matches("[0-9a-fA-F]+")) {
            throw new UsageException("'" + text + "' is not a serial number (hex, as congvu pki CA_DIR list prints it)");
        }
        return new BigInteger(hex, 16);
    }

    /** @return the text as a path */
    static Path path(String text, String what) throws UsageException {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new UsageException("'" + text + "' is not a " + what + ": " + e.getReason());
        }
    }
}
