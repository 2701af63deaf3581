package dev.earshot.history;

/** Byte counts as people read them in the import's reasons ("64 MB"). */
final class ByteSizes {

    private ByteSizes() {}

    static String readable(long bytes) {
        if (bytes >= 1L << 30 && bytes % (1L << 30) == 0) {
            return (bytes >> 30) + " GB";
        }
        if (bytes >= 1L << 20) {
            return (bytes >> 20) + " MB";
        }
        if (bytes >= 1L << 10) {
            return (bytes >> 10) + " KB";
        }
        return bytes + " bytes";
    }
}
