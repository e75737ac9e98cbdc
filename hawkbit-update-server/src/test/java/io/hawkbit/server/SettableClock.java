package io.hawkbit.server;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that stands still until a test sets it: for behaviour that must switch at an exact instant. */
final class SettableClock extends Clock {

    private final AtomicLong millis;

    SettableClock(Instant start) {
        this.millis = new AtomicLong(start.toEpochMilli());
    }

    void set(long epochMillis) {
        millis.set(epochMillis);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    @Override
    public long millis() {
        return millis.get();
    }
}
