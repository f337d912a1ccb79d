package vn.congvu.uplink.internal;

import java.lang.reflect.Proxy;
import java.util.Map;

/** Settings for tests as Declarative Services makes them: the declared defaults, with some values given. */
final class TestSettings {

    private TestSettings() {
    }

    /** @return the uplink's settings: {@code values} by method name (ministry_host), the rest their defaults */
    static UplinkSettings uplink(Map<String, Object> values) {
        return (UplinkSettings) Proxy.newProxyInstance(UplinkSettings.class.getClassLoader(),
                new Class<?>[] {UplinkSettings.class}, (proxy, method, arguments) -> switch (method.getName()) {
                    case "annotationType" -> UplinkSettings.class;
                    case "toString" -> "UplinkSettings" + values;
                    case "hashCode" -> values.hashCode();
                    case "equals" -> proxy == arguments[0];
                    default -> values.containsKey(method.getName()) ? values.get(method.getName()) : method.getDefaultValue();
                });
    }
}
