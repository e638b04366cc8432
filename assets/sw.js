// Backprep service worker: keeps every file of one build (the app, the bank's data files and the
// pages without an id in their address) under a cache named after the build's content hash, answers
// navigations with the page's own file, and never touches another origin.
// scripts/postbuild.py replaces the line below with the build's file list and hash.
const BUILD = { hash: 'dev', files: [] };

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

/** The file a static host serves for a page's address: `/` → index.html, `/quiz` → quiz.html. */
function pageFile(url) {
  const path = url.pathname.slice(new URL(self.registration.scope).pathname.length).replace(/\/$/, '');
  return path === '' ? 'index.html' : `${path}.html`;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  // Only this origin's GETs inside our scope; everything else goes to the network untouched.
  if (request.method !== 'GET' || url.origin !== self.location.origin || !request.url.startsWith(self.registration.scope)) return;
  if (request.mode === 'navigate') {
    // A kept page from the cache; any other page (a question) from the network, and offline the
    // empty app, which renders it from its kept data file.
    event.respondWith(caches.open(CACHE).then(async (cache) =>
      (await cache.match(scoped(pageFile(url))))
      || fetch(request).catch(async () => (await cache.match(scoped('shell.html'))) || Response.error())));
    return;
  }
  event.respondWith(caches.open(CACHE).then(async (cache) =>
    (await cache.match(request, { ignoreSearch: true })) || fetch(request)));
});
