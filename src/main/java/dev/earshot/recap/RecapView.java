package dev.earshot.recap;

import java.util.List;

/**
 * What the recap page shows: the recap, and around it either the owner's controls (other years, the card, sharing)
 * or, on a shared link, nothing of the listener and no way into the app but its home page.
 *
 * @param displayName the signed-in listener's name for the top bar; null on a shared page
 * @param cardHref where the SVG card of this recap is
 * @param shares the listener's working share links; empty on a shared page
 */
public record RecapView(Recap recap, boolean shared, String displayName, String cardHref, List<ShareLink> shares) {

    public static RecapView own(Recap recap, String displayName, List<ShareLink> shares) {
        return new RecapView(
                recap, false, displayName, "/recap.svg?" + recap.period().query(), shares);
    }

    public static RecapView shared(Recap recap, String shareId) {
        return new RecapView(recap, true, null, "/share/" + shareId + "/card.svg", List.of());
    }

    /** "Your 2025 so far", or anonymously on a shared page: "A listener's 2025 on Earshot". */
    public String title() {
        String label = recap.period().label();
        if (shared) {
            return "A listener's " + label + " on Earshot" + (recap.soFar() ? " so far" : "");
        }
        return "Your " + label + (recap.soFar() ? " so far" : "");
    }

    /** The year before, for the "previous year" link; null when the recap is not of a year or is shared. */
    public Integer previousYear() {
        Integer year = recap.period().year();
        return shared || year == null ? null : year - 1;
    }

    /** The year after, for the "next year" link; null when this one is not over yet (or not a year, or shared). */
    public Integer nextYear() {
        Integer year = recap.period().year();
        return shared || year == null || recap.soFar() || year >= 9999 ? null : year + 1;
    }

    public String yearHref(Integer year) {
        return "/recap?"
                + RecapPeriod.ofYear(year, recap.period().period().zone()).query();
    }

    public ShareExpiry[] expiries() {
        return ShareExpiry.values();
    }

    /** The card's file name when downloaded. */
    public String cardFileName() {
        return "earshot-recap-" + recap.period().label().replaceAll("[^A-Za-z0-9]+", "-") + ".svg";
    }
}
