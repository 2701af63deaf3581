package dev.earshot.history;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * An entry of the export's zip as it unpacks, counting the bytes it really yields — never trusting the sizes the
 * zip's headers claim — and stopping with a plain reason at the per-file limit, the request's unpacked total or a
 * compression ratio no real export reaches (a zip bomb, S28).
 */
final class ZipEntryStream extends FilterInputStream {

    /** The limit an entry ran into; an {@link IOException} so it leaves the JSON parser unwrapped. */
    static final class LimitExceeded extends IOException {
        LimitExceeded(String reason) {
            super(reason, null);
        }
    }

    /** The unpacked bytes every entry of one request may still take together. */
    static final class Budget {
        private long left;

        Budget(long total) {
            this.left = total;
        }
    }

    /** Below this many unpacked bytes the ratio is not judged: tiny entries compress by any factor. */
    private static final long RATIO_FLOOR = 1 << 20;

    private final long packedSize;
    private final long maxBytes;
    private final int maxRatio;
    private final Budget budget;
    private long count;

    ZipEntryStream(InputStream in, long packedSize, long maxBytes, int maxRatio, Budget budget) {
        super(in);
        this.packedSize = Math.max(packedSize, 1);
        this.maxBytes = maxBytes;
        this.maxRatio = maxRatio;
        this.budget = budget;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    private void counted(int n) throws LimitExceeded {
        count += n;
        budget.left -= n;
        if (count > maxBytes) {
            throw new LimitExceeded("It unpacks to more than " + ByteSizes.readable(maxBytes)
                    + ", the limit for one file; Spotify's files are far smaller.");
        }
        if (count > RATIO_FLOOR && count / packedSize > maxRatio) {
            throw new LimitExceeded("It unpacks to more than " + maxRatio
                    + " times its packed size, which no real export does: refused as a zip bomb.");
        }
        if (budget.left < 0) {
            throw new LimitExceeded("The zip unpacks to more than the limit for one upload.");
        }
    }

    @Override
    public long skip(long n) throws IOException {
        // Skipped bytes are unpacked too: read them so they are counted.
        byte[] sink = new byte[8192];
        long skipped = 0;
        while (skipped < n) {
            int read = read(sink, 0, (int) Math.min(sink.length, n - skipped));
            if (read < 0) {
                break;
            }
            skipped += read;
        }
        return skipped;
    }
}
