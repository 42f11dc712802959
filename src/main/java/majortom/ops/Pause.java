package majortom.ops;

import java.time.Duration;

/**
 * Waits between attempts; injected so that tests never sleep.
 */
@FunctionalInterface
public interface Pause {

    void pause(Duration duration);

    /** Sleeps on the current thread. */
    static Pause sleeping() {
        return duration -> {
            try {
                Thread.sleep(duration.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }
}
