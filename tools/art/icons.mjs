// Helper for make-sprites.sh: decides which icons the game needs and writes their SVG sources.
//
//   node icons.mjs collect <repo-root> <svg-out-dir>
//       Reads every "icon" value in assets/packs/**/*.json, the names in tools/art/ui-icons.txt and
//       every tools/art/custom/*.svg; writes <svg-out-dir>/<name>.svg for each icon it can source
//       (a custom SVG wins over a Fluent Emoji of the same name), prints those names one a line on
//       stdout, and reports wanted names that have no source on stderr.
//   node icons.mjs index <index.json> <name>...
//       Writes {"icons": [...]} with the names sorted (byte order, as Rust's str::cmp sorts).
//
// Only the Node standard library and the pinned @iconify-json/fluent-emoji-flat package are used.

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const NAME = /^[a-z0-9]+(-[a-z0-9]+)*$/;

function walkJson(dir) {
  if (!fs.existsSync(dir)) return [];
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walkJson(full));
    else if (entry.isFile() && entry.name.endsWith('.json')) out.push(full);
  }
  return out.sort();
}

/** Every string value under a key named "icon", at any depth. */
function iconValues(value, found) {
  if (Array.isArray(value)) {
    for (const v of value) iconValues(v, found);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'icon' && typeof v === 'string') found.add(v);
      else iconValues(v, found);
    }
  }
}

function packIcons(root) {
  const found = new Set();
  for (const file of walkJson(path.join(root, 'assets', 'packs'))) {
    const text = fs.readFileSync(file, 'utf8');
    try {
      iconValues(JSON.parse(text), found);
    } catch (err) {
      // A file being written by someone else may be half done: fall back to a plain scan.
      console.error(`warning: ${path.relative(root, file)} is not valid JSON (${err.message}); scanning it as text`);
      for (const m of text.matchAll(/"icon"\s*:\s*"([^"\\]*)"/g)) found.add(m[1]);
    }
  }
  return found;
}

function listFile(file) {
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.replace(/#.*/, '').trim())
    .filter(Boolean);
}

function fluentSvg(set, name) {
  let icon = set.icons[name];
  let transform = {};
  if (!icon && set.aliases && set.aliases[name]) {
    const alias = set.aliases[name];
    icon = set.icons[alias.parent];
    transform = alias;
    if (icon && alias.body) icon = { ...icon, body: alias.body };
  }
  if (!icon) return null;
  const left = icon.left ?? set.left ?? 0;
  const top = icon.top ?? set.top ?? 0;
  const width = icon.width ?? set.width ?? 16;
  const height = icon.height ?? set.height ?? 16;
  let body = icon.body;
  const flips = [];
  if (transform.hFlip) flips.push(`translate(${left * 2 + width} 0) scale(-1 1)`);
  if (transform.vFlip) flips.push(`translate(0 ${top * 2 + height}) scale(1 -1)`);
  if (flips.length) body = `<g transform="${flips.join(' ')}">${body}</g>`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" ` +
    `width="${width}" height="${height}" viewBox="${left} ${top} ${width} ${height}">${body}</svg>\n`
  );
}

function collect(root, outDir) {
  const artDir = path.join(root, 'tools', 'art');
  const customDir = path.join(artDir, 'custom');
  const set = require('@iconify-json/fluent-emoji-flat/icons.json');

  const custom = new Map();
  if (fs.existsSync(customDir)) {
    for (const file of fs.readdirSync(customDir).sort()) {
      if (file.endsWith('.svg')) custom.set(file.slice(0, -4), path.join(customDir, file));
    }
  }

  const fromPacks = packIcons(root);
  const fromUi = listFile(path.join(artDir, 'ui-icons.txt'));
  const wanted = new Set([...fromPacks, ...fromUi, ...custom.keys()]);

  fs.mkdirSync(outDir, { recursive: true });
  const made = [];
  const missing = [];
  for (const name of [...wanted].sort()) {
    if (!NAME.test(name)) {
      console.error(`warning: skipping "${name}": icon names are lower-case words joined by '-'`);
      missing.push(name);
      continue;
    }
    let svg = null;
    if (custom.has(name)) {
      if (set.icons[name]) console.error(`note: custom/${name}.svg replaces the Fluent Emoji of that name`);
      svg = fs.readFileSync(custom.get(name), 'utf8');
    } else {
      svg = fluentSvg(set, name);
    }
    if (!svg) {
      missing.push(name);
      continue;
    }
    fs.writeFileSync(path.join(outDir, `${name}.svg`), svg);
    made.push(name);
  }
  for (const name of missing) {
    const where = fromPacks.has(name) ? 'assets/packs' : 'tools/art/ui-icons.txt';
    console.error(`MISSING icon "${name}" (wanted by ${where}): not in Fluent Emoji Flat and no tools/art/custom/${name}.svg`);
  }
  process.stdout.write(made.map((n) => n + '\n').join(''));
}

function writeIndex(file, names) {
  const sorted = [...new Set(names)].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  const text = JSON.stringify({ icons: sorted }, null, 2) + '\n';
  if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text) fs.writeFileSync(file, text);
}

const [command, ...args] = process.argv.slice(2);
if (command === 'collect' && args.length === 2) collect(path.resolve(args[0]), path.resolve(args[1]));
else if (command === 'index' && args.length >= 1) writeIndex(args[0], args.slice(1));
else {
  console.error('usage: node icons.mjs collect <repo-root> <svg-out-dir> | index <index.json> <name>...');
  process.exit(2);
}
