import { launchBrowser, newGamePage, decodePng, colourStats } from './lib.mjs';
const browser = await launchBrowser();
const { context, page } = await newGamePage(browser, { width: 1366, height: 768 });
const msgs = []; page.on('console', m => msgs.push(m.type() + ': ' + m.text())); page.on('pageerror', e => msgs.push('pageerror: ' + e));
const cdp = await context.newCDPSession(page);
await cdp.send('Network.enable');
await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: 1_500_000, uploadThroughput: 1_000_000 });
await page.goto('http://127.0.0.1:18081/?test=1');
await page.waitForTimeout(1200);
console.log('mid:', await page.evaluate(() => [document.getElementById('status').textContent, document.getElementById('bar').getAttribute('aria-valuenow')]));
await page.screenshot({ path: '/tmp/shot-loading.png' });
await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
await page.waitForFunction(() => !document.getElementById('message').hidden, null, { timeout: 30000 });
console.log('message:', await page.evaluate(() => document.getElementById('message').innerText), 'retry hidden:', await page.evaluate(() => document.getElementById('retry').hidden));
await page.screenshot({ path: '/tmp/shot-error.png' });
console.log('state():', await page.evaluate(() => window.greenActor.state()), typeof await page.evaluate(() => typeof window.greenActorReady));
// Retry reloads
const nav = page.waitForNavigation(); await page.click('#retry'); await nav; console.log('retry reloaded ok');
// AudioContext wrapper
console.log(await page.evaluate(async () => { const c = new AudioContext(); return [c instanceof AudioContext, c.state, typeof c.resume, AudioContext.name]; }));
await page.mouse.click(10, 10);
await page.waitForTimeout(300);
console.log('after gesture:', await page.evaluate(async () => { const c = new AudioContext(); return c.state; }));
console.log(msgs.join('\n'));
await browser.close();
