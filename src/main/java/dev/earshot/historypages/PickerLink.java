package dev.earshot.historypages;

/** One link of the period picker; {@code current} marks the period shown (aria-current). */
public record PickerLink(String label, String href, boolean current) {}
