// The history pages show times in the viewer's zone: the server knows it only from this cookie (UTC until then).
// The page says which zone it was rendered in (data-tz); when the browser's differs, remember the browser's and
// reload once. Zone names (Europe/Berlin) need no encoding in a cookie. An explicit ?tz= in the address wins and is left alone.
const COOKIE = "earshot_tz";
const ONE_YEAR = 365 * 24 * 60 * 60;

function cookieValue(name) {
  for (const pair of document.cookie.split(";")) {
    const [key, ...rest] = pair.trim().split("=");
    if (key === name) {
      return rest.join("=");
    }
  }
  return null;
}

const rendered = document.querySelector("[data-tz]");
const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
const url = new URL(window.location.href);

if (rendered && browserZone && rendered.dataset.tz !== browserZone && !url.searchParams.has("tz")) {
  // Reload only when the cookie changes: if the server cannot use this zone, the page stays as it is (no loop).
  if (cookieValue(COOKIE) !== browserZone) {
    document.cookie = COOKIE + "=" + browserZone + "; Path=/; SameSite=Lax; Max-Age=" + ONE_YEAR;
    window.location.reload();
  }
}
