/** The recap of any period as a page and as an SVG card, and the share links that publish a recap or history page. */
package dev.earshot.recap;
