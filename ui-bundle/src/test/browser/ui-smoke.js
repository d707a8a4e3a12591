// Browser smoke test of the Waybill UI against a RUNNING distribution (not run by Maven).
//
//   npm install --prefix /tmp/wb-smoke puppeteer-core
//   NODE_PATH=/tmp/wb-smoke/node_modules WB_URL=http://127.0.0.1:8181/ WB_USER=admin WB_PASS=... node ui-smoke.js
//
// Checks: redirect to /login, wrong password message, sign-in lands on Waiting for Delivery, lazy grid with
// count badge, sort by weight, text search, plugins page, click round trip (pong) and server push (pushed),
// language switch to Simplified Chinese, log out. Uses /usr/bin/chromium headless.
const puppeteer = require('puppeteer-core');
const fs = require('fs');
const base = process.env.WB_URL || 'http://127.0.0.1:8181/';
const user = process.env.WB_USER || 'admin';
const pass = process.env.WB_PASS;
const shots = process.env.WB_SHOTS;  // optional folder for screenshots
const sleep = ms => new Promise(r => setTimeout(r, ms));
let passed = 0, failed = 0;
const check = (name, ok, detail) => {
  ok ? passed++ : failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail !== undefined ? ' — ' + detail : ''}`);
};
(async () => {
  if (!pass) throw new Error('set WB_PASS');
  const dir = fs.mkdtempSync('/tmp/wb-chrome-');
  const browser = await puppeteer.launch({executablePath: '/usr/bin/chromium', userDataDir: dir,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--lang=en-US'], defaultViewport: {width: 1400, height: 900}});
  try {
    const page = await browser.newPage();
    await page.setExtraHTTPHeaders({'Accept-Language': 'en-US,en;q=0.9'});
    const bad = [];
    page.on('response', r => { if (r.status() >= 400) bad.push(r.status() + ' ' + r.url()); });
    const shot = async name => { if (shots) await page.screenshot({path: `${shots}/${name}.png`}); };
    const text = sel => page.$eval(sel, e => e.textContent.trim());

    await page.goto(base, {waitUntil: 'networkidle2'});
    await page.waitForSelector('#username', {timeout: 20000});
    check('anonymous visit forwards to /login', page.url().endsWith('/login'), page.url());
    await shot('login');

    await page.click('#username input'); await page.keyboard.type(user);
    await page.click('#password input'); await page.keyboard.type('not-the-password');
    await page.click('#login-button');
    await page.waitForSelector('#login-error', {timeout: 10000});
    check('wrong password is refused', (await text('#login-error')) === 'Incorrect username or password');

    await page.click('#password input'); await page.keyboard.type(pass);
    await page.keyboard.press('Enter');
    await page.waitForSelector('#packages-grid', {timeout: 20000});
    check('sign-in lands on Waiting for Delivery', page.url().endsWith('/delivery/waiting'), page.url());
    await sleep(1500);
    const size = await page.$eval('#packages-grid', g => g.size);
    check('grid size matches the count badge', (await text('#package-count')).startsWith(String(size)) ||
        (size === 0 && (await text('#package-count')) === 'No packages'), `${size} / ${await text('#package-count')}`);
    await shot('waiting');

    const sortBy = label => page.evaluate(l => [...document.querySelectorAll('#packages-grid vaadin-grid-sorter')]
        .find(s => s.textContent.trim() === l).click(), label);
    await sortBy('Weight'); await sleep(1000); await sortBy('Weight'); await sleep(1500);
    const weights = await page.evaluate(() => {
      const g = document.querySelector('#packages-grid');
      const cell = c => c.querySelector('slot')?.assignedNodes()[0]?.textContent.trim();
      const idx = [...g.shadowRoot.querySelectorAll('thead tr th')].findIndex(th => cell(th) === 'Weight');
      return [...g.shadowRoot.querySelectorAll('tbody tr')].slice(0, 5).map(tr => cell(tr.querySelectorAll('td')[idx]));
    });
    const grams = weights.filter(Boolean).map(w => w.endsWith(' kg') ? parseFloat(w.replace(/,/g, '')) * 1000 : parseFloat(w.replace(/,/g, '')));
    check('sort by weight descending', grams.length < 2 || grams.every((g, i) => i === 0 || grams[i - 1] >= g), weights.join(', '));

    await page.goto(base + 'plugins', {waitUntil: 'networkidle2'});
    await page.waitForSelector('#plugins-grid', {timeout: 15000});
    const t = Date.now();
    await page.click('#ping-button');
    await page.waitForFunction(() => document.querySelector('#ping-result').textContent === 'pong 1', {timeout: 10000});
    check('click round trip', true, `${Date.now() - t} ms`);
    await page.waitForFunction(() => document.querySelector('#push-result').textContent === 'pushed 1', {timeout: 10000});
    const pushMs = Date.now() - t;
    check('server push about 1 s later', pushMs >= 900 && pushMs < 5000, `${pushMs} ms`);
    await shot('plugins');

    await page.click('#language-switch'); await sleep(500);
    for (const item of await page.$$('vaadin-select-item')) {
      if ((await item.evaluate(e => e.textContent)).includes('简体中文')) { await item.click(); break; }
    }
    await sleep(1500);
    await page.goto(base + 'delivery/waiting', {waitUntil: 'networkidle2'});
    await page.waitForSelector('#packages-grid', {timeout: 15000});
    await sleep(800);
    const zh = await page.evaluate(() => document.querySelector('vaadin-side-nav-item vaadin-side-nav-item')?.textContent.trim());
    check('language stays Chinese for the session', zh === '待发货', zh);
    await shot('waiting-zh');

    await page.click('#logout-button');
    await page.waitForSelector('#username', {timeout: 15000});
    check('log out returns to /login', page.url().endsWith('/login'), page.url());
    check('no HTTP errors', bad.length === 0, bad.join(' '));
  } finally {
    await browser.close();
    fs.rmSync(dir, {recursive: true, force: true});
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
})().catch(e => { console.error('FAIL', e.message); console.log(`${passed} passed, ${failed + 1} failed`); process.exit(1); });
