package vn.congvu.console.internal.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.congvu.console.internal.access.SignInThrottle.Attempt;
import vn.congvu.console.internal.access.SignInThrottle.Reason;
import vn.congvu.console.internal.access.SignInThrottle.Refused;

class SignInThrottleTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2025-07-01T01:00:00Z"));
    private final SignInThrottle throttle = new SignInThrottle(3, 5, Duration.ofMinutes(15), clock);

    private Attempt reserved(String name, String address) {
        return assertInstanceOf(Attempt.class, throttle.reserve(name, address), name + " from " + address);
    }

    private Refused refused(String name, String address) {
        return assertInstanceOf(Refused.class, throttle.reserve(name, address), name + " from " + address);
    }

    @Test
    void afterTheNamesLimit_itWaitsUntilItsWindowEnds_fromAnyAddress() {
        for (int i = 0; i < 3; i++) {
            reserved("an", "10.0.0." + i).failed();
        }
        clock.advance(Duration.ofMinutes(5));

        assertEquals(new Refused(Reason.TOO_MANY_FAILURES, Duration.ofMinutes(10)), refused("an", "10.0.0.9"));
        reserved("binh", "10.0.0.9").close();

        clock.advance(Duration.ofMinutes(10));
        reserved("an", "10.0.0.9").close();
    }

    @Test
    void afterTheAddressLimit_everyNameFromItWaits() {
        for (int i = 0; i < 5; i++) {
            reserved("name" + i, "10.0.0.1").failed();
        }

        assertEquals(new Refused(Reason.TOO_MANY_FAILURES, Duration.ofMinutes(15)), refused("another", "10.0.0.1"));
        reserved("another", "10.0.0.2").close();
    }

    @Test
    void parallelAttempts_cannotPassTheLimitBeforeTheirFailuresAreCounted() {
        // the name may fail 3 times: 2 already did, so only one more attempt may be in flight
        reserved("an", "10.0.0.1").failed();
        reserved("an", "10.0.0.2").failed();

        Attempt last = reserved("an", "10.0.0.3");
        assertEquals(new Refused(Reason.IN_FLIGHT, SignInThrottle.BUSY_RETRY), refused("an", "10.0.0.4"));

        last.failed();
        assertEquals(Reason.TOO_MANY_FAILURES, refused("an", "10.0.0.4").reason());
    }

    @Test
    void oneAddress_hasAtMostTwoAttemptsInFlight_whateverTheNames() {
        Attempt first = reserved("an", "10.0.0.1");
        Attempt second = reserved("binh", "10.0.0.1");

        for (int i = 0; i < 50; i++) {
            assertEquals(Reason.IN_FLIGHT, refused("name" + i, "10.0.0.1").reason());
        }
        reserved("chi", "10.0.0.2").close();

        first.close();
        reserved("dung", "10.0.0.1").close();
        second.close();
        assertEquals(0, throttle.inFlight());
    }

    @Test
    void oneName_hasAtMostTwoAttemptsInFlight_fromManyAddresses() {
        SignInThrottle lenient = new SignInThrottle(100, 1000, Duration.ofMinutes(15), clock);
        List<Tried> outcomes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            outcomes.add(new Tried(lenient.reserve("an", "10.0.1." + i)));
        }

        assertEquals(SignInThrottle.IN_FLIGHT_PER_NAME, outcomes.stream().filter(Tried::reserved).count());
        assertEquals(SignInThrottle.IN_FLIGHT_PER_NAME, lenient.inFlight());
    }

    @Test
    void invalidNames_areLimitedByAddressOnly_notByOneSharedCounter() {
        for (int i = 0; i < 4; i++) {
            reserved("", "10.0.0." + i).failed();
        }

        reserved("", "10.0.0.9").close();
        reserved("", "10.0.0.8").close();
    }

    @Test
    void closed_withoutAnOutcome_releasesUncounted_andConfirmingTwiceCountsOnce() {
        reserved("an", "10.0.0.1").close(); // the password could not be checked: no failure
        Attempt attempt = reserved("an", "10.0.0.1");
        attempt.failed();
        attempt.failed();
        attempt.close();

        assertEquals(0, throttle.inFlight());
        reserved("an", "10.0.0.1").failed(); // the second failure of 3
        reserved("an", "10.0.0.1").failed();
        assertEquals(Reason.TOO_MANY_FAILURES, refused("an", "10.0.0.1").reason());
    }

    @Test
    void succeeded_forgetsTheNamesFailures_notTheAddresss() {
        reserved("an", "10.0.0.1").failed();
        reserved("an", "10.0.0.1").failed();
        reserved("an", "10.0.0.1").succeeded();
        reserved("an", "10.0.0.1").failed();
        reserved("an", "10.0.0.1").failed();

        reserved("an", "10.0.0.2").close(); // the name: 2 failures since it signed in
        Attempt fifth = reserved("binh", "10.0.0.1"); // the address: 4 failures, this one may be the 5th
        assertEquals(Reason.IN_FLIGHT, refused("chi", "10.0.0.1").reason());
        fifth.failed();
        assertEquals(Reason.TOO_MANY_FAILURES, refused("chi", "10.0.0.1").reason());
    }

    @Test
    void memory_isBounded() {
        SignInThrottle lenient = new SignInThrottle(3, 1000, Duration.ofMinutes(15), clock);
        for (int i = 0; i < SignInThrottle.KEPT * 2; i++) {
            assertInstanceOf(Attempt.class, lenient.reserve("name" + i, "10.0.0." + (i % 200))).failed();
        }

        assertEquals(SignInThrottle.KEPT, lenient.size());
        assertEquals(0, lenient.inFlight());
    }

    private record Tried(SignInThrottle.Outcome outcome) {
        boolean reserved() {
            return outcome instanceof Attempt;
        }
    }
}
