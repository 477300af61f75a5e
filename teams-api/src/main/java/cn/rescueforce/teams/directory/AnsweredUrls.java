package cn.rescueforce.teams.directory;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The URLs this replica answered 200 at one registry version, for {@link PublicRevalidation}: a fixed table of their
 * 64-bit hashes, each in the slot its hash names (a URL answered later may take the slot of an earlier one, which is
 * then answered through the resource again, as it would be on another replica). Fixed, so that remembering the
 * random URLs of searches from anywhere allocates nothing per request and leaves no garbage to promote: a set of
 * strings grew to tens of thousands of entries and its collections paused every answer (README, "Nearest capable
 * team"). Another URL whose hash equals a remembered one's would be answered 304 without the resource when it comes
 * with the current tag: with 64 bits, a chance of about one in 10^14 per such request.
 */
final class AnsweredUrls {

    /** Slots (a power of two): 512 KiB. */
    static final int SLOTS = 1 << 16;

    private final long version;
    private final AtomicLongArray hashes = new AtomicLongArray(SLOTS);

    AnsweredUrls(long version) {
        this.version = version;
    }

    long version() {
        return version;
    }

    /** Remembers that {@code url} was answered 200 at {@code version} (nothing when this table is of another version). */
    void add(long version, String url) {
        if (version == this.version) {
            long hash = hash(url);
            hashes.set(slot(hash), hash);
        }
    }

    /** Whether {@code url} was answered 200 at {@code version} by this replica (and is still remembered). */
    boolean contains(long version, String url) {
        long hash = hash(url);
        return version == this.version && hashes.get(slot(hash)) == hash;
    }

    private static int slot(long hash) {
        return (int) (hash >>> 48) & (SLOTS - 1);
    }

    /**
     * FNV-1a over the characters, then MurmurHash3's finalizer (FNV's high bits hardly change with the last characters,
     * which are where the URLs of searches differ), never 0 (an empty slot).
     */
    static long hash(String url) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < url.length(); i++) {
            hash ^= url.charAt(i);
            hash *= 0x100000001b3L;
        }
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        hash *= 0xc4ceb9fe1a85ec53L;
        hash ^= hash >>> 33;
        return hash == 0 ? 1 : hash;
    }
}
