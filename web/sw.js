// The kiosk's offline copy: one cache per build, filled all at once from build-info.json's file
// list. web/build stamps the build's hash in below, so a new build is a new worker; it waits
// until the kiosk is idle (kiosk.js sends {type: 'activate'}), and a failed copy leaves the old
// worker serving the old build whole.
const HASH = '__BUILD_HASH__';
const CACHE = `green-actor-${HASH}`;
const MATCH = { ignoreSearch: true, ignoreVary: true };
const NETWORK_TIMEOUT = 4000;

async function buildInfo() {
  const response = await fetch('build-info.json', { cache: 'no-store' });
  if (!response.ok) throw new Error(`build-info.json: HTTP ${response.status}`);
  return response.json();
}

async function install() {
  const info = await buildInfo();
  // The server already holds another build: the next update check brings its worker.
  if (info.hash !== HASH) throw new Error(`the server has build ${info.hash}, this worker is ${HASH}`);
  const cache = await caches.open(CACHE);
  try {
    const paths = ['./', 'build-info.json', ...info.files];
    await cache.addAll(paths.map((path) => new Request(path, { cache: 'no-cache' })));
    // A build swapped in while copying could have mixed two builds.
    if ((await buildInfo()).hash !== HASH) throw new Error('the build changed while being copied');
  } catch (err) {
    await caches.delete(CACHE);
    throw err;
  }
  const config = await fetch('kiosk.json', { cache: 'no-store' }).catch(() => null);
  if (config && config.status === 200) await cache.put('kiosk.json', config);
  if (!self.registration.active) self.skipWaiting();
}

self.addEventListener('install', (event) => event.waitUntil(install()));

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(
        names.filter((name) => name.startsWith('green-actor-') && name !== CACHE).map((name) => caches.delete(name)),
      );
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'activate') self.skipWaiting();
});

const timeout = (promise, ms) =>
  Promise.race([promise, new Promise((_, reject) => setTimeout(() => reject(new Error('timed out')), ms))]);

// kiosk.json is the venue's, not the build's: the network's copy wins, and a copy is kept so an
// offline restart is still a kiosk.
async function config(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await timeout(fetch(request), NETWORK_TIMEOUT);
    if (response.status === 200) await cache.put('kiosk.json', response.clone());
    else if (response.status === 204 || response.status === 404) await cache.delete('kiosk.json');
    return response;
  } catch (err) {
    // Offline with no copy kept: as far as anyone knows there is none (what web/serve.py says).
    return (await cache.match(request, MATCH)) || new Response(null, { status: 204 });
  }
}

// build-info.json comes from the cache too: it must describe the build this cache serves.
async function cached(request, path) {
  const cache = await caches.open(CACHE);
  const page = request.mode === 'navigate' && (path === '' || path === 'index.html');
  const hit = await cache.match(page ? './' : request, MATCH);
  if (hit) return hit;
  try {
    return await fetch(request);
  } catch (err) {
    // The whole build is cached: offline, what it lacks the server lacks too.
    return new Response('Not found (offline)', { status: 404, statusText: 'Not Found' });
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  const scope = new URL(self.registration.scope);
  if (request.method !== 'GET' || url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return;
  const path = url.pathname.slice(scope.pathname.length);
  event.respondWith(path === 'kiosk.json' ? config(request) : cached(request, path));
});
