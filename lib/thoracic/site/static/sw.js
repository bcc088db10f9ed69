// The course's service worker: on the first visit from an https:// address or this
// computer, it keeps every page and file of the site, so the course then opens with no
// network. The export writes the cache name (from the site's contents) and the file list.
const CACHE = "__CACHE__";
const FILES = "__FILES__";
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

self.addEventListener("fetch", (event) => {
  if (event.request.method !== "GET") return;
  event.respondWith(caches.open(CACHE)
    .then((cache) => cache.match(event.request, { ignoreSearch: true }))
    .then((kept) => kept || fetch(event.request)));
});
