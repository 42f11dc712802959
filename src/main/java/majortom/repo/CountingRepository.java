package majortom.repo;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the calls one request makes to the repository; each call is one GitHub request (the
 * repository lookup on an instance's first call is not counted).
 */
public final class CountingRepository implements ConfigRepository {

    private final ConfigRepository delegate;
    private final AtomicInteger calls = new AtomicInteger();

    public CountingRepository(ConfigRepository delegate) {
        this.delegate = delegate;
    }

    public int calls() {
        return calls.get();
    }

    @Override
    public Optional<FileSnapshot> read(String path) {
        calls.incrementAndGet();
        return delegate.read(path);
    }

    @Override
    public WriteResult write(FileSnapshot base, String content, String message) {
        calls.incrementAndGet();
        return delegate.write(base, content, message);
    }

    @Override
    public List<CommitInfo> history(String path, int limit) {
        calls.incrementAndGet();
        return delegate.history(path, limit);
    }
}
