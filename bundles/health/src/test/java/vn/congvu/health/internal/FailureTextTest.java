package vn.congvu.health.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** What a component said when it did not start, without the wrappers of Declarative Services and reflection. */
class FailureTextTest {

    @Test
    void theComponentsOwnMessage_notTheBindExceptionUnderIt() {
        String failure = """
                org.osgi.service.component.ComponentException: java.io.IOException: port = 7443: the ministry cannot listen
                \tat org.apache.felix.scr.impl.inject.internal.ComponentConstructorImpl.newInstance(ComponentConstructorImpl.java:300)
                Caused by: java.lang.reflect.InvocationTargetException
                \tat java.base/jdk.internal.reflect.NativeConstructorAccessorImpl.newInstance0(Native Method)
                Caused by: java.io.IOException: port = 7443: the ministry cannot listen on 0.0.0.0:7443 (in use)
                \tat vn.congvu.ministry.internal.MinistryServer.<init>(MinistryServer.java:120)
                Caused by: java.net.BindException: Address already in use
                """;

        assertEquals("port = 7443: the ministry cannot listen on 0.0.0.0:7443 (in use)", FailureText.of(failure));
    }

    @Test
    void aMessageThrownDirectly_isKeptWhole() {
        assertEquals("province.code = 99 is not an official provincial code",
                FailureText.of("java.lang.IllegalArgumentException: province.code = 99 is not an official provincial code\n\tat x.y(Z.java:1)"));
    }

    @Test
    void noFailureText_pointsToTheLog() {
        assertEquals("did not start (see log/congvu.log)", FailureText.of(null));
    }
}
