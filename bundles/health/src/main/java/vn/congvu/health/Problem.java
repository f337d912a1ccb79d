package vn.congvu.health;

import java.util.Objects;

/**
 * One reason a node is not ready, in words an operator acts on.
 *
 * @param where where it is wrong: a settings file ({@code etc/vn.congvu.uplink.cfg}) or a part of the node
 *        ({@code component OutboxSender})
 * @param what what is wrong and what to do about it, starting with the setting and its value when a setting is
 *        wrong ({@code ministry.port = abc is not a whole number (gRPC port of the ministry node)})
 */
public record Problem(String where, String what) {

    /** Checks both parts are given. */
    public Problem {
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(what, "what");
    }

    /** @return the problem on one line: {@code where: what} */
    public String line() {
        return where + ": " + what;
    }
}
