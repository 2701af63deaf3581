package dev.earshot.owner;

/** Fired when an account becomes the owner's, so whatever was cached of the previous one is dropped. */
public record OwnerConnected(String userId) {}
