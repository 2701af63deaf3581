// Keeps the dashboard's "Now playing" card live. The server renders the first state with the
// markup of every state in it; this module only edits that markup in place (text, attributes,
// `hidden`), never innerHTML, so titles and names always stay plain text.

const MIN_POLL_MS = 3000;        // whatever the page asks, never hammer the server
const SLOW_POLL_MS = 20000;      // paused or idle: a change is less likely and less urgent
const AFTER_TRACK_END_MS = 300;  // ask just after the track should end, to pick up the next one
const JITTER_MS = 300;           // tabs of one user still land within the server's short cache
const BACKOFF_FIRST_MS = 5000;
const BACKOFF_MAX_MS = 60000;
const TICK_MS = 250;
const OFFLINE_POLL_MS = 60000;
const REQUEST_TIMEOUT_MS = 10000; // a hung request must not stop the polling for good
const STATES = ['playing', 'paused', 'idle', 'unavailable'];

const card = document.getElementById('now-playing');
if (card && card.dataset.liveUrl && card.querySelector('.np')) {
  liven(card);
}

function liven(card) {
  const el = {
    problem: card.querySelector('.problem'),
    track: card.querySelector('.np'),
    idle: card.querySelector('.np-idle'),
    art: card.querySelector('.np-art'),
    badge: card.querySelector('.np-badge'),
    podcast: card.querySelector('.np-podcast'),
    title: card.querySelector('.np-title a'),
    artists: card.querySelector('.np-artists'),
    album: card.querySelector('.np-album'),
    progress: card.querySelector('.np progress'),
    elapsed: card.querySelector('.np-elapsed'),
    total: card.querySelector('.np-total'),
    open: card.querySelector('.np-open'),
    openLink: card.querySelector('.spotify-link'),
    notice: card.querySelector('.np-notice'),
    noticeText: card.querySelector('.np-notice-text'),
    noticeLink: card.querySelector('.np-notice-link'),
    announcer: card.querySelector('.np-announcer'),
  };
  const url = card.dataset.liveUrl;
  const pollMs = Math.max(MIN_POLL_MS, Number(card.dataset.pollMs) || 5000);

  // What the card shows. Progress is known at `syncedAt` (performance.now()) and moves on locally.
  const shown = {
    state: STATES.includes(card.dataset.state) ? card.dataset.state : 'idle',
    key: trackKey(el.track.dataset.itemId, el.title.textContent, el.artists.textContent),
    progressMs: Number(el.track.dataset.progressMs) || 0,
    durationMs: Number(el.track.dataset.durationMs) || 0,
    syncedAt: performance.now(),
  };
  let failures = 0;
  let newestFetchedAt = 0;
  let endOfTrackPollFor = null; // the track whose end already got its one early poll
  let sessionEnded = false;
  let inFlight = false;
  let pollTimer = 0;
  let tickTimer = 0;

  document.addEventListener('visibilitychange', () => {
    if (document.hidden) {
      stopTimers();
    } else {
      tick();
      poll();
    }
  });
  if (!document.hidden) {
    tick();
    // The page was just rendered from fresh data: the first poll can wait its normal turn.
    schedulePoll(shown.state === 'unavailable' ? pollMs : nextDelay());
  }

  function stopTimers() {
    clearTimeout(pollTimer);
    clearTimeout(tickTimer);
    pollTimer = tickTimer = 0;
  }

  function schedulePoll(delayMs) {
    clearTimeout(pollTimer);
    pollTimer = 0;
    if (sessionEnded || document.hidden) return;
    // Counted from when the previous answer arrived, not from the server's clock: the jitter alone
    // keeps several tabs close together, so they share the server's few-second cache.
    pollTimer = setTimeout(poll, delayMs + Math.random() * JITTER_MS);
  }

  async function poll() {
    clearTimeout(pollTimer);
    pollTimer = 0;
    if (sessionEnded || document.hidden || inFlight) return;
    inFlight = true;
    let nextMs;
    try {
      const response = await fetchWithTimeout(url);
      if (response.status === 401) {
        endSession();
        return;
      }
      if (!response.ok) throw new PollFailure(retryAfterMs(response));
      nextMs = applyAnswer(await response.json()); // a non-JSON body throws here too
    } catch (failure) {
      nextMs = failed(failure);
    } finally {
      inFlight = false;
    }
    schedulePoll(nextMs);
  }

  async function fetchWithTimeout(address) {
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), REQUEST_TIMEOUT_MS);
    try {
      return await fetch(address, {
        headers: { Accept: 'application/json' },
        credentials: 'same-origin',
        cache: 'no-store',
        signal: abort.signal,
      });
    } finally {
      clearTimeout(timer);
    }
  }

  /** Shows an answer and returns how long to wait before the next poll. */
  function applyAnswer(answer) {
    if (!answer || typeof answer !== 'object' || !STATES.includes(answer.status)) {
      throw new PollFailure(0);
    }
    // Another replica's cache may be a little older than what is on screen: don't step back to it.
    const fetchedAt = Number(answer.fetchedAt) || 0;
    if (fetchedAt && fetchedAt < newestFetchedAt) return regularDelay();
    newestFetchedAt = fetchedAt;

    const song = answer.song && typeof answer.song === 'object' ? answer.song : null;
    if (answer.offline === true) {
      // The owner's Spotify sign-in is dead: retrying soon cannot help, so say so and look rarely.
      failures = 0;
      showState('unavailable');
      showNotice('offline');
      return OFFLINE_POLL_MS;
    }
    if (answer.status === 'unavailable') {
      // The server could not reach Spotify: keep the card as it is (or take the song it still had).
      if (song) {
        showSong(song, song.isPlaying ? 'playing' : 'paused');
        tick();
      }
      return failed(new PollFailure(0));
    }
    failures = 0;
    if (song && answer.status !== 'idle') {
      showSong(song, answer.status);
    } else {
      showState('idle');
    }
    // A stale answer is the last song the server knew: keep showing (and moving) it, but say so.
    showNotice(answer.stale ? 'reconnecting' : null);
    tick();
    return nextDelay();
  }

  function failed(failure) {
    failures += 1;
    showNotice('reconnecting');
    const backoff = Math.min(BACKOFF_MAX_MS, BACKOFF_FIRST_MS * 2 ** (failures - 1));
    return Math.max(backoff, failure instanceof PollFailure ? failure.retryAfterMs : 0);
  }

  function endSession() {
    sessionEnded = true;
    stopTimers();
    showState('unavailable');
    showNotice('session-ended');
  }

  function regularDelay() {
    return shown.state === 'playing' ? pollMs : SLOW_POLL_MS;
  }

  /** The regular delay, or just after the track ends if that is sooner (instead of, not as well). */
  function nextDelay() {
    const regular = regularDelay();
    if (shown.state !== 'playing' || shown.durationMs <= 0) return regular;
    const untilEnd = Math.max(0, shown.durationMs - shown.progressMs) + AFTER_TRACK_END_MS;
    if (untilEnd >= regular) {
      endOfTrackPollFor = null; // far from the end (again, after a seek or a repeat)
      return regular;
    }
    // One early poll per track end: if the server (its cache) still has the old track, keep to the
    // regular pace rather than asking every 300 ms.
    if (endOfTrackPollFor === shown.key) return regular;
    endOfTrackPollFor = shown.key;
    return untilEnd;
  }

  function showState(state) {
    shown.state = state;
    setAttr(card, 'data-state', state);
    if (state !== 'unavailable') {
      setHidden(el.problem, true);
      setHidden(el.track, state === 'idle');
      setHidden(el.idle, state !== 'idle');
      setAttr(el.track, 'data-status', state);
    }
  }

  function showSong(song, state) {
    const episode = song.type === 'episode';
    const title = String(song.trackName ?? '');
    const artists = Array.isArray(song.artists) ? song.artists.map(String).join(', ') : '';
    const album = song.albumName ? String(song.albumName) : '';
    const link = safeUrl(song.spotifyUrl, ['https:']);
    const art = safeUrl(song.albumImageUrl, ['https:', 'http:']);
    const key = trackKey(song.trackId, title, artists);

    shown.progressMs = Math.max(0, Number(song.progressMs) || 0);
    shown.durationMs = Math.max(0, Number(song.durationMs) || 0);
    shown.syncedAt = performance.now();
    showState(state);

    setAttr(el.track, 'data-item-id', song.trackId ? String(song.trackId) : '');
    setAttr(el.track, 'data-progress-ms', String(shown.progressMs));
    setAttr(el.track, 'data-duration-ms', String(shown.durationMs));
    setAttr(el.track, 'data-timestamp-ms', String(Number(song.timestampMs) || 0));
    const playing = state === 'playing';
    setText(el.badge, playing ? 'Playing' : 'Paused');
    toggleClass(el.badge, 'badge-playing', playing);
    toggleClass(el.badge, 'badge-paused', !playing);
    setHidden(el.podcast, !episode);
    // Same URL, same attribute: the browser keeps the picture instead of reloading it.
    setAttr(el.art, 'src', art);
    setAttr(el.art, 'alt', '');
    setHidden(el.art, !art);
    setText(el.title, title);
    setAttr(el.title, 'href', link);
    setText(el.artists, artists);
    setHidden(el.artists, !artists);
    setText(el.album, album ? (episode ? 'From ' : '') + album : '');
    setHidden(el.album, !album);
    if (shown.durationMs > 0) setAttr(el.progress, 'max', String(shown.durationMs));
    setText(el.total, clock(shown.durationMs));
    setAttr(el.openLink, 'href', link);
    setHidden(el.open, !link);

    if (key !== shown.key) {
      shown.key = key;
      // Once per new track, not per tick: screen readers hear it without being talked over.
      setText(el.announcer, `Now playing: ${title}${artists ? ` by ${artists}` : ''}`);
    }
  }

  function showNotice(kind) {
    setHidden(el.notice, !kind);
    setAttr(el.notice, 'data-kind', kind);
    // "Your session ended — sign in again", the last words being the link to /login.
    setText(el.noticeText, kind === 'session-ended' ? 'Your session ended — '
      : kind === 'offline' ? 'Offline' : kind ? 'Reconnecting…' : '');
    // The link's words go with it, so the line reads exactly "Reconnecting…" otherwise.
    setText(el.noticeLink, kind === 'session-ended' ? 'sign in again' : '');
    setHidden(el.noticeLink, kind !== 'session-ended');
  }

  /**
   * Moves the bar and the clock on. Under prefers-reduced-motion the CSS drops the gliding
   * transition, but the value still steps: a small jump of a thin bar is not motion that troubles
   * anyone, and a slower step would make the elapsed clock lag by seconds.
   */
  function tick() {
    clearTimeout(tickTimer);
    tickTimer = 0;
    const at = elapsedMs();
    setAttr(el.progress, 'value', String(Math.floor(at)));
    setText(el.elapsed, clock(at));
    const moving = shown.state === 'playing' && !sessionEnded && !document.hidden;
    const ended = shown.durationMs > 0 && at >= shown.durationMs;
    if (moving && !ended) {
      // A quarter second keeps the bar within that of the truth; waking at each whole second of
      // playback turns the clock over on time. Unchanged text and values cost no DOM writes.
      tickTimer = setTimeout(tick, Math.min(TICK_MS, 1000 - (at % 1000) + 20));
    }
  }

  function elapsedMs() {
    if (shown.state !== 'playing') return shown.progressMs;
    const at = shown.progressMs + (performance.now() - shown.syncedAt);
    return shown.durationMs > 0 ? Math.min(at, shown.durationMs) : at;
  }
}

class PollFailure extends Error {
  constructor(retryAfterMs) {
    super('now-playing poll failed');
    this.retryAfterMs = retryAfterMs;
  }
}

/** Retry-After in seconds (429, 503), capped so a bad value cannot park the card for hours. */
function retryAfterMs(response) {
  const seconds = Number(response.headers.get('Retry-After'));
  return Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, 300) * 1000 : 0;
}

/** What identifies a track when Spotify gives no id (local files): its title and artists. */
function trackKey(id, title, artists) {
  return id ? `id:${id}` : `text:${title}\n${artists}`;
}

/** m:ss, or h:mm:ss from an hour on, like the server's clock. */
function clock(ms) {
  const seconds = Math.floor(Math.max(0, ms) / 1000);
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = String(seconds % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}

/** The URL if it parses and uses one of the allowed schemes (no javascript: links or images). */
function safeUrl(value, schemes) {
  if (typeof value !== 'string' || !value) return null;
  try {
    return schemes.includes(new URL(value).protocol) ? value : null;
  } catch {
    return null;
  }
}

// Writes only what differs, so an unchanged card is not touched (no flicker, no reloaded art).
function setText(node, text) {
  if (node && node.textContent !== text) node.textContent = text;
}

function setAttr(node, name, value) {
  if (!node) return;
  if (value === null || value === undefined) {
    if (node.hasAttribute(name)) node.removeAttribute(name);
  } else if (node.getAttribute(name) !== value) {
    node.setAttribute(name, value);
  }
}

function setHidden(node, hidden) {
  if (node && node.hidden !== hidden) node.hidden = hidden;
}

function toggleClass(node, name, on) {
  if (node && node.classList.contains(name) !== on) node.classList.toggle(name, on);
}
