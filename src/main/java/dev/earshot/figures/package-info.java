/** The figures of a listener's music over time, read from the database (plays and their rollups), never Spotify. */
package dev.earshot.figures;
