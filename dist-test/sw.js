// Backprep service worker: precaches every file of one build under a cache named after the build's
// content hash, answers navigations with index.html, and never touches another origin.
// scripts/postbuild.py replaces the line below with the build's file list and hash.
const BUILD = {"hash": "94b972ea791488c6", "files": ["index.html", "backprep-c5494c6504c575ab.js", "backprep-c5494c6504c575ab_bg.wasm", "icons/apple-touch-icon.png", "icons/icon-192.png", "icons/icon-512.png", "icons/icon-maskable-512.png", "icons/icon-maskable.svg", "icons/icon.svg", "main-9de9178ed5038568.css", "manifest.webmanifest"]};

const CACHE = `backprep-${BUILD.hash}`;
const scoped = (path) => new URL(path, self.registration.scope).href;

self.addEventListener('install', (event) => {
  // All or nothing: addAll fails the install if any file is missing, so a build is never mixed.
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(BUILD.files.map(scoped))));
  // A first install takes over at once; an update waits for the user to choose "reload".
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith('backprep-') && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  // Only this origin's GETs inside our scope; everything else goes to the network untouched.
  if (request.method !== 'GET' || url.origin !== self.location.origin || !request.url.startsWith(self.registration.scope)) return;
  if (request.mode === 'navigate') {
    // Every route is the single-page app.
    event.respondWith(caches.open(CACHE).then(async (cache) =>
      (await cache.match(scoped('index.html'))) || fetch(request)));
    return;
  }
  event.respondWith(caches.open(CACHE).then(async (cache) =>
    (await cache.match(request, { ignoreSearch: true })) || fetch(request)));
});
