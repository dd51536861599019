package restock.common;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock moved by hand, in UTC: the demo replays its year on one, and tests move one. */
public class HandClock extends Clock {
    private volatile Instant now;

    public HandClock(Instant start) {
        this.now = start;
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    /** Moves to a later moment; a clock replaying history never goes back. */
    public void set(Instant instant) {
        if (instant.isBefore(now)) {
            throw new IllegalStateException("the clock only moves forward: " + now + " to " + instant);
        }
        now = instant;
    }

    @Override
    public final ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public final Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public final Instant instant() {
        return now;
    }
}
