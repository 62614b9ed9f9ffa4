#!/usr/bin/env node
// Runs the browser tests: serves dist/ with web/serve.py on a free port, runs the *.test.mjs
// files in order with node's test runner (TAP output, closing with `# pass N` / `# fail N`),
// stops the server, and lists the failed tests at the end.
//
// Usage: node tests/e2e/run.mjs [FILTER...]   (FILTER: part of a test file name, e.g. 02)
// Env:   GREEN_ACTOR_DIST=<folder> (default dist/), GREEN_ACTOR_VERBOSE=1 (server request log)

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
const DIST = path.resolve(process.env.GREEN_ACTOR_DIST || path.join(ROOT, 'dist'));
const say = (line) => console.log(`e2e: ${line}`);

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function get(url) {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('error', () => resolve(0));
    req.setTimeout(2000, () => {
      req.destroy();
      resolve(0);
    });
  });
}

async function startServer() {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const args = [path.join(ROOT, 'web', 'serve.py'), '--dir', DIST, '--port', String(port)];
  if (process.env.GREEN_ACTOR_VERBOSE) {
    args.push('--verbose');
  }
  const server = spawn('python3', args, { stdio: ['ignore', 'pipe', 'inherit'] });
  server.stdout.on('data', () => {});
  let exited = null;
  server.on('exit', (code) => {
    exited = code;
  });
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (exited !== null) {
      throw new Error(`web/serve.py exited with code ${exited}`);
    }
    if ((await get(url)) === 200) {
      return { server, url };
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  server.kill();
  throw new Error(`web/serve.py did not answer at ${url} within 15 s`);
}

/** Reads TAP lines and remembers the failed tests with their suite path. */
function failureTracker() {
  const stack = [];
  const failures = [];
  let lastFailureDepth = -1;
  return {
    failures,
    line(text) {
      const subtest = /^(\s*)# Subtest: (.*)$/.exec(text);
      if (subtest) {
        const depth = subtest[1].length / 4;
        stack.length = depth;
        stack[depth] = subtest[2];
        return;
      }
      const result = /^(\s*)(not ok|ok) \d+ - (.*?)(?: # .*)?$/.exec(text);
      if (result) {
        const depth = result[1].length / 4;
        if (result[2] === 'not ok') {
          // A suite that failed because of a test inside it is not listed again.
          const parentOfLast = lastFailureDepth === depth + 1;
          if (!parentOfLast) {
            failures.push([...stack.slice(0, depth), result[3]].join(' › '));
          }
          lastFailureDepth = depth;
        }
      }
    },
  };
}

async function main() {
  const filters = process.argv.slice(2);
  if (!fs.existsSync(path.join(DIST, 'index.html')) || !fs.existsSync(path.join(DIST, 'green_actor_bg.wasm'))) {
    say(`no web build in ${path.relative(process.cwd(), DIST) || DIST}: run web/build first`);
    process.exit(1);
  }
  if (!fs.existsSync(path.join(HERE, 'node_modules', 'playwright-core'))) {
    say('playwright-core is not installed: run `npm ci` in tests/e2e');
    process.exit(1);
  }
  const files = fs
    .readdirSync(HERE)
    .filter((f) => f.endsWith('.test.mjs'))
    .filter((f) => filters.length === 0 || filters.some((p) => f.includes(p)))
    .sort();
  if (files.length === 0) {
    say(`no test files match ${filters.join(' ')}`);
    process.exit(1);
  }
  fs.rmSync(path.join(HERE, 'screenshots'), { recursive: true, force: true });
  fs.mkdirSync(path.join(HERE, 'screenshots'), { recursive: true });

  const { server, url } = await startServer();
  say(`serving ${path.relative(ROOT, DIST) || DIST} at ${url}`);
  const stopServer = () => {
    if (server.exitCode === null) {
      server.kill('SIGTERM');
    }
  };
  process.on('exit', stopServer);
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      stopServer();
      process.exit(130);
    });
  }

  say(`running ${files.join(', ')}`);
  const started = Date.now();
  const tracker = failureTracker();
  const code = await new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--test', '--test-reporter=tap', '--test-concurrency=1', ...files],
      { cwd: HERE, env: { ...process.env, GREEN_ACTOR_URL: url }, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let pending = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop();
      lines.forEach((l) => tracker.line(l));
    });
    child.on('close', (exitCode, signal) => {
      if (pending) {
        tracker.line(pending);
      }
      resolve(exitCode ?? (signal ? 1 : 0));
    });
  });
  stopServer();

  const seconds = Math.round((Date.now() - started) / 1000);
  if (tracker.failures.length) {
    say(`${tracker.failures.length} failed test(s) (screenshots in tests/e2e/screenshots/FAILED-*.png):`);
    for (const name of tracker.failures) {
      console.log(`e2e: FAILED: ${name}`);
    }
  } else if (code === 0) {
    say(`all browser tests passed in ${seconds} s; screenshots in tests/e2e/screenshots/`);
  }
  if (code !== 0 && tracker.failures.length === 0) {
    say(`the test runner exited with code ${code}`);
  }
  process.exit(code === 0 ? 0 : 1);
}

main().catch((err) => {
  console.error(`e2e: ${err && err.stack ? err.stack : err}`);
  process.exit(1);
});
