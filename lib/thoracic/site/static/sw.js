// The course's service worker: on the first visit from an https:// address or this
// computer, it keeps every page and file of the site, so the course then opens with no
// network. The export writes the cache name (from the site's contents), the file list and
// the page shown for a page that cannot be had.
const CACHE = "__CACHE__";
const FILES = "__FILES__";
const FALLBACK = "__FALLBACK__";
const PREFIX = "upper-back-relief-";

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES))
    .then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  // A new export replaces the old copy; nothing else on this address is touched.
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((key) => key.startsWith(PREFIX) && key !== CACHE)
      .map((key) => caches.delete(key))))
    .then(() => self.clients.claim()));
});

/** The course's own page for a page that cannot be had, with the status the page has
 *  (404: no such page; 503: no network to get it), so the learner sees words from the
 *  course instead of the browser's error. It is answered at the address asked for, so a
 *  reload tries that page again; its links, written from the site's top folder, are made
 *  to start at the worker's scope so that they work at any depth. */
async function fallback(cache, status) {
  const page = await cache.match(FALLBACK);
  const text = (await page.text()).replaceAll('href="', `href="${self.registration.scope}`);
  return new Response(text, { status, headers: page.headers });
}

/** From the network; a page that is not there, or not reachable, gets the fallback. */
async function fromNetwork(cache, request) {
  const page = request.mode === "navigate";
  try {
    const answer = await fetch(request);
    return page && answer.status === 404 ? fallback(cache, 404) : answer;
  } catch (error) {
    if (page) return fallback(cache, 503);
    throw error;
  }
}

self.addEventListener("fetch", (event) => {
  if (event.request.method !== "GET") return;
  event.respondWith(caches.open(CACHE).then(async (cache) => {
    const kept = await cache.match(event.request, { ignoreSearch: true });
    return kept || fromNetwork(cache, event.request);
  }));
});
