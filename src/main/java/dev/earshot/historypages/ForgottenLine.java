package dev.earshot.historypages;

/** A forgotten favourite as the page writes it: the artist and "Top 3 of 2021 · last played 14 Feb 2022". */
public record ForgottenLine(String artist, String href, String story) {}
