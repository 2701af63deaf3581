/** Charts drawn on the server as inline SVG, each with a title, a description and a table of the same data. */
package dev.earshot.charts;
