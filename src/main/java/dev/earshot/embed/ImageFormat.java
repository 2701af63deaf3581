package dev.earshot.embed;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The raster formats album art may have. SVG is deliberately absent: it can carry script, and a
 * {@code data:} URI would take that script into the card.
 */
enum ImageFormat {
    JPEG("image/jpeg"),
    PNG("image/png"),
    WEBP("image/webp"),
    GIF("image/gif");

    /** The {@code Accept} header for a fetch of album art. */
    static final String ACCEPT = "image/jpeg, image/png, image/webp, image/gif";

    private static final Pattern DATA_URI =
            Pattern.compile("data:image/(?:jpeg|png|webp|gif);base64,[A-Za-z0-9+/]++={0,2}+");

    private final String mediaType;

    ImageFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    /** The format a {@code Content-Type} header names, parameters and case ignored; empty for anything else. */
    static Optional<ImageFormat> ofContentType(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        String mediaType = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(format -> format.mediaType.equals(mediaType))
                .findFirst();
    }

    /** Whether {@code value} is a base64 {@code data:} URI of one of these formats, and nothing else. */
    static boolean isDataUri(String value) {
        return value != null && DATA_URI.matcher(value).matches();
    }

    /** Whether the bytes start the way this format does: a server cannot label an HTML page as a PNG. */
    boolean matches(byte[] bytes) {
        return switch (this) {
            case JPEG -> startsWith(bytes, 0, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});
            case PNG -> startsWith(bytes, 0, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
            case GIF -> startsWith(bytes, 0, ascii("GIF87a")) || startsWith(bytes, 0, ascii("GIF89a"));
            case WEBP -> startsWith(bytes, 0, ascii("RIFF")) && startsWith(bytes, 8, ascii("WEBP"));
        };
    }

    String dataUri(byte[] bytes) {
        return "data:" + mediaType + ";base64," + Base64.getEncoder().encodeToString(bytes);
    }

    private static boolean startsWith(byte[] bytes, int offset, byte[] prefix) {
        return bytes.length >= offset + prefix.length
                && Arrays.equals(bytes, offset, offset + prefix.length, prefix, 0, prefix.length);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
