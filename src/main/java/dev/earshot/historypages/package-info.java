/** The history pages: a period's listening with the calendar, the listening clock and discoveries; one artist's page. */
package dev.earshot.historypages;
