// Backprep service worker: keeps every file of one build (the app, the bank's data files and the
// pages without an id in their address) under a cache named after the build's content hash, answers
// navigations with the page's own file, and never touches another origin.
// scripts/postbuild.py replaces the line below with the build's file list and hash.
const BUILD = { hash: 'dev', files: [] };

// Caches are per origin, so the name says which copy of the app (its scope) it belongs to: two
// copies under different sub-paths of one host must not delete each other's. The root keeps the
// plain name earlier builds used.
const SCOPE_PATH = new URL(self.registration.scope).pathname;
const PREFIX = SCOPE_PATH === '/' ? 'backprep-' : `backprep-${SCOPE_PATH}-`;
const CACHE = `${PREFIX}${BUILD.hash}`;
/** Whether cache `name` is one of this copy's builds. */
const ours = (name) => name.startsWith(PREFIX) && /^[0-9a-z]+$/.test(name.slice(PREFIX.length));
const scoped = (path) => new URL(path, self.registration.scope).href;

self.addEventListener('install', (event) => {
  event.waitUntil(keepBuild());
  // A first install takes over at once; an update waits for the user to choose "reload".
});

/**
 * Fetches every file of this build, checks that the pages are this build's, and only then keeps
 * them: all or nothing, so a build is never mixed. A throw fails the install and the worker
 * already in charge stays, with its own build, until the next update check tries again.
 */
async function keepBuild() {
  // Straight from the host, never from the browser's HTTP cache: a host may let browsers keep a
  // page for minutes (GitHub Pages: max-age=600), and a deploy inside that window would keep the
  // old index.html, whose wasm and js this cache does not hold: offline, the app would be blank.
  // ('reload' also refreshes the HTTP cache, so the page's own next loads get the new files too.)
  const fetched = await Promise.all(BUILD.files.map(async (file) => {
    const response = await fetch(new Request(scoped(file), { cache: 'reload' }));
    if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
    return [file, response];
  }));
  // A cache between the browser and the host (a CDN, a proxy) may still hand out the old build's
  // pages. The pages name the build's other files, so if any page is not this worker's build,
  // keeping the set could leave a page without its wasm: better no update than a broken one.
  for (const [file, response] of fetched) {
    if (!file.endsWith('.html')) continue;
    const stamp = (await response.clone().text()).match(/<meta name="backprep-build" content="([^"]*)"/)?.[1];
    if (stamp !== BUILD.hash) {
      const why = `${file} is build ${stamp ?? '(unstamped)'}, not ${BUILD.hash}`;
      console.warn(`Backprep: build ${BUILD.hash} not installed, the current version stays: ${why} `
        + '(an old copy from a cache on the way, or a deploy still in progress; the next update check tries again)');
      throw new Error(why);
    }
  }
  // Nothing is written before every file has arrived and passed. If writing fails part way, a
  // cache this install created goes, so no half build is left; one that existed already is the
  // same build's (sw.js changed, the rest did not) and holds the same files.
  const existed = await caches.has(CACHE);
  const cache = await caches.open(CACHE);
  try {
    await Promise.all(fetched.map(([file, response]) => cache.put(scoped(file), response)));
  } catch (error) {
    if (!existed) await caches.delete(CACHE);
    throw error;
  }
}

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (ours(name) && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

/**
 * Keeps a question page fetched from the host (a visit that starts on it, a reload), so the next
 * such visit is served from the cache. Moving between the list and a question inside the app is a
 * route change and fetches no page. Only a page of this worker's build: another build's page
 * names wasm this cache does not hold.
 */
async function keepPage(cache, file, response) {
  const stamp = (await response.clone().text()).match(/<meta name="backprep-build" content="([^"]*)"/)?.[1];
  if (stamp === BUILD.hash) await cache.put(file, response);
}

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
    // A kept page from the cache; any other page (a question) from the network, kept from then on
    // if it is this build's, and offline the empty app, which renders it from its kept data file.
    // 'no-cache': the host confirms any copy the browser kept, since a copy from before a deploy
    // would load the old build's wasm, which this build's cache does not hold (and offline such a
    // copy would resurrect the old build).
    event.respondWith(caches.open(CACHE).then(async (cache) => {
      const file = scoped(pageFile(url));
      const kept = await cache.match(file);
      if (kept) return kept;
      try {
        const response = await fetch(new Request(request, { cache: 'no-cache' }));
        if (response.ok) event.waitUntil(keepPage(cache, file, response.clone()));
        return response;
      } catch {
        return (await cache.match(scoped('shell.html'))) || Response.error();
      }
    }));
    return;
  }
  event.respondWith(caches.open(CACHE).then(async (cache) => {
    const kept = await cache.match(request, { ignoreSearch: true });
    if (kept) return kept;
    const response = await fetch(request);
    // A big bank's question data files are not all kept up front (scripts/postbuild.py): each
    // is kept the first time the app fetches it. Their names carry their content's hash, so a
    // kept one never goes stale.
    if (response.ok && url.pathname.startsWith(new URL('data/', self.registration.scope).pathname)) {
      event.waitUntil(cache.put(request, response.clone()));
    }
    return response;
  }));
});
