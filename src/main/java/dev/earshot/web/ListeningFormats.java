package dev.earshot.web;

import io.quarkus.qute.TemplateExtension;
import java.time.Duration;
import java.time.Instant;

/** How times read on the pages: {@code 3:07} for lengths, {@code 3 min ago} for moments. */
@TemplateExtension(namespace = "fmt")
public class ListeningFormats {

    /** m:ss, or h:mm:ss for long podcast episodes. */
    public static String clock(long millis) {
        long seconds = Math.max(0, millis) / 1000;
        long hours = seconds / 3600;
        long minutes = seconds % 3600 / 60;
        long rest = seconds % 60;
        return hours > 0
                ? String.format("%d:%02d:%02d", hours, minutes, rest)
                : String.format("%d:%02d", minutes, rest);
    }

    public static String ago(Instant moment) {
        return agoAt(moment, Instant.now());
    }

    static String agoAt(Instant moment, Instant now) {
        long seconds = Math.max(0, Duration.between(moment, now).toSeconds());
        if (seconds < 60) {
            return "just now";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min ago";
        }
        if (seconds < 86_400) {
            long hours = seconds / 3600;
            return hours + (hours == 1 ? " hour ago" : " hours ago");
        }
        long days = seconds / 86_400;
        return days + (days == 1 ? " day ago" : " days ago");
    }

    /** ISO-8601 for {@code <time datetime>}. */
    public static String iso(Instant moment) {
        return moment.toString();
    }
}
