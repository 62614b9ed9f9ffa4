// The page's side of the pack manager: the file picker, drops on the page, `?pack=URL` links and
// the packs this browser keeps (IndexedDB, which holds tens of megabytes). The game asks through
// `window.greenActorPacks`; everything it should know goes onto `window.__greenActorInbox`, which
// it reads once a frame. Nothing here reads a pack: the game checks every byte itself.
(() => {
  'use strict';
  const DB_NAME = 'green-actor-packs';
  const STORE = 'packs';
  const ACTIVE_KEY = 'green-actor.active-pack';
  const PLAIN_PACK_NAME = /^[a-z0-9_-]+$/;

  const inbox = (window.__greenActorInbox = window.__greenActorInbox || []);
  const post = (message) => inbox.push(message);
  const notice = (zh, en) => post({ kind: 'notice', zh, en });

  function readActive() {
    try {
      return localStorage.getItem(ACTIVE_KEY) || null;
    } catch (_) {
      return null;
    }
  }

  function writeActive(id) {
    try {
      if (id) localStorage.setItem(ACTIVE_KEY, id);
      else localStorage.removeItem(ACTIVE_KEY);
    } catch (_) {
      // Without localStorage the pack still runs for this visit.
    }
  }

  const request = (req) =>
    new Promise((resolve, reject) => {
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });

  let dbPromise = null;
  function db() {
    if (!dbPromise) {
      dbPromise = new Promise((resolve, reject) => {
        if (!window.indexedDB) {
          reject(new Error('no IndexedDB'));
          return;
        }
        const open = indexedDB.open(DB_NAME, 1);
        open.onupgradeneeded = () => open.result.createObjectStore(STORE, { keyPath: 'id' });
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
        open.onblocked = () => reject(new Error('blocked'));
      });
      dbPromise.catch(() => {
        dbPromise = null;
      });
    }
    return dbPromise;
  }

  async function store(mode) {
    return (await db()).transaction(STORE, mode).objectStore(STORE);
  }

  const isRecord = (r) =>
    r && typeof r.id === 'string' && Array.isArray(r.files) &&
    r.files.every((f) => f && typeof f.name === 'string' && f.bytes instanceof Uint8Array);

  // A store the game cannot read is cleared and said so; the built-in pack is not in it.
  async function resetDamagedStore(why) {
    console.warn('green-actor: kept packs reset:', why);
    writeActive(null);
    try {
      await request((await store('readwrite')).clear());
    } catch (_) {
      dbPromise = null;
      await request(indexedDB.deleteDatabase(DB_NAME)).catch(() => {});
    }
    notice(
      '这台设备上保存的内容包已损坏，已清除；内置内容照常可用。',
      'The packs kept on this device were damaged and have been cleared; the built-in pack works as before.',
    );
  }

  async function publishKept() {
    let records;
    try {
      records = await request((await store('readonly')).getAll());
    } catch (err) {
      post({ kind: 'kept', packs: [], active: null });
      return;
    }
    if (!records.every(isRecord)) {
      await resetDamagedStore('a record without its files');
      records = [];
    }
    const active = readActive();
    const packs = records.map(({ id, label, title_zh, title_en, version }) => ({
      id, label, title_zh, title_en, version,
    }));
    post({ kind: 'kept', packs, active: packs.some((p) => p.id === active) ? active : null });
  }

  async function openKept(id) {
    let record;
    try {
      record = await request((await store('readonly')).get(id));
    } catch (err) {
      notice('无法读取保存的内容包，内置内容照常可用。', 'The kept pack cannot be read; the built-in pack works as before.');
      return;
    }
    if (!record) {
      writeActive(null);
      return;
    }
    if (!isRecord(record)) {
      await resetDamagedStore('a damaged record');
      await publishKept();
      return;
    }
    post({ kind: 'open', origin: 'kept', label: record.label, files: record.files });
  }

  async function keep(record) {
    writeActive(record.id);
    try {
      const files = record.files.map(({ name, bytes }) => ({ name, bytes: new Uint8Array(bytes) }));
      await request((await store('readwrite')).put({ ...record, files, saved: Date.now() }));
    } catch (err) {
      writeActive(null);
      const full = err && err.name === 'QuotaExceededError';
      notice(
        full
          ? '浏览器的存储空间已满，这个内容包这次可以用，但没有保存下来。'
          : '这个浏览器不能保存内容包，这次可以用，但刷新后需要重新打开。',
        full
          ? "The browser's storage is full: the pack runs now but was not kept."
          : 'This browser cannot keep packs: the pack runs now, open it again after a reload.',
      );
    }
    await publishKept();
  }

  async function use(id) {
    writeActive(id || null);
    if (id) await openKept(id);
    await publishKept();
  }

  async function remove(id) {
    if (readActive() === id) writeActive(null);
    try {
      await request((await store('readwrite')).delete(id));
    } catch (_) {
      // Nothing kept, nothing to remove.
    }
    await publishKept();
  }

  const readFile = async (file, name) => ({
    name: name || file.webkitRelativePath || file.name,
    bytes: new Uint8Array(await file.arrayBuffer()),
  });

  // A folder dropped on the page: every file in it, with its path inside the drop.
  async function readEntry(entry) {
    if (entry.isFile) {
      const file = await new Promise((resolve, reject) => entry.file(resolve, reject));
      return [await readFile(file, entry.fullPath.replace(/^\//, ''))];
    }
    const reader = entry.createReader();
    const children = [];
    for (;;) {
      const batch = await new Promise((resolve, reject) => reader.readEntries(resolve, reject));
      if (batch.length === 0) break;
      children.push(...batch);
    }
    return (await Promise.all(children.map(readEntry))).flat();
  }

  // Students' results files dropped on the page go to the classroom; everything else is a pack.
  async function openDropped(entries, files) {
    const classroom = window.greenActorClass;
    if (classroom && entries.every((entry) => entry.isFile) && (await classroom.claimResults(files))) {
      return;
    }
    if (entries.length === 0 || entries.every((entry) => entry.isFile)) {
      return openPicked(files, 'picked');
    }
    const inFolders = (await Promise.all(entries.map(readEntry))).flat();
    if (inFolders.length > 0) {
      post({ kind: 'open', origin: 'picked', label: entries[0].name, files: inFolders });
    }
  }

  async function openPicked(fileList, origin) {
    const files = await Promise.all(Array.from(fileList).map((file) => readFile(file)));
    if (files.length === 0) return;
    const label = files.length === 1 ? files[0].name : files[0].name.split('/')[0];
    post({ kind: 'open', origin, label, files });
  }

  const input = document.createElement('input');
  input.type = 'file';
  input.id = 'pack-file';
  input.accept = '.zip,.json,.csv';
  input.multiple = true;
  input.hidden = true;
  input.addEventListener('change', () => {
    openPicked(input.files, 'picked');
    input.value = '';
  });
  document.addEventListener('DOMContentLoaded', () => document.body.appendChild(input));

  window.addEventListener('dragover', (event) => {
    if (event.dataTransfer && Array.from(event.dataTransfer.types).includes('Files')) {
      event.preventDefault();
    }
  });
  window.addEventListener('drop', (event) => {
    if (!event.dataTransfer || event.dataTransfer.items.length === 0) return;
    event.preventDefault();
    // Read while the event lasts: the browser empties the transfer afterwards.
    const entries = Array.from(event.dataTransfer.items || [])
      .map((item) => (item.webkitGetAsEntry ? item.webkitGetAsEntry() : null))
      .filter(Boolean);
    openDropped(entries, Array.from(event.dataTransfer.files));
  });

  // `?pack=NAME` is a pack shipped beside the game (the game reads it); anything else is a link.
  async function openLink(link) {
    const label = decodeURIComponent(link.split('?')[0].split('/').pop() || link);
    try {
      const response = await fetch(link, { cache: 'no-cache' });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const bytes = new Uint8Array(await response.arrayBuffer());
      post({ kind: 'open', origin: 'link', label, files: [{ name: label, bytes }] });
    } catch (err) {
      notice(
        `无法打开链接里的内容包（${link}）：${err.message}。请检查网络或链接，内置内容照常可用。`,
        `The pack at ${link} cannot be opened: ${err.message}. Check the network or the link; the built-in pack works as before.`,
      );
    }
  }

  window.greenActorPacks = {
    pick: () => input.click(),
    keep: (record) => keep(record),
    use: (id) => use(id),
    remove: (id) => remove(id),
  };

  const link = new URLSearchParams(location.search).get('pack');
  if (link && !PLAIN_PACK_NAME.test(link)) {
    openLink(link);
  } else {
    const active = readActive();
    if (active) openKept(active);
  }
  publishKept();
})();
