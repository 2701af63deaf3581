package dev.earshot.demo;

/** A sample podcast. */
record Show(String id, String name, String publisher) {}
