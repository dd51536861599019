package restock.support;

import restock.common.HandClock;

import java.time.Instant;

/** A clock that tests move by hand. */
public final class TestClock extends HandClock {
    public TestClock(Instant start) {
        super(start);
    }
}
