#!/usr/bin/env node
// explorer.html in a real browser: headless Chromium (Debian's), driven over the DevTools
// protocol by puppeteer-core (both installed by scripts/setup.sh).
//
//   seeds    the shared seed articles (the samples when ../shared is absent): the page loads
//            from disk with no console error and no request off the file, holds as many
//            entities as graph.graphml, search finds "Xi Jinping", clicking his dot shows his
//            profile with the sentences behind his relations, clicking a relation shows its
//            evidence with the article, the filters hide what they say, and a screenshot of
//            the graph is not a blank canvas.
//   hostile  an article whose title, URL and sentences carry "</script>", markup and a
//            javascript: link: the page still loads, runs none of it, and shows it as text.
//   dates    dated JSON Lines: the time slider hides relations outside the dates it keeps.
//
// node test_explorer.cjs --newsgraph BIN --source-dir DIR --work-dir DIR [--deps DIR]
//                        [--chromium PATH] [--screenshot FILE] [--page FILE [--select NAME]]
// --page FILE only opens FILE (e.g. the BBC corpus's explorer.html), prints how long it took
// to be ready and saves --screenshot (after searching for NAME, with --select).
'use strict';

const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

function option(name, fallback) {
  const at = process.argv.indexOf('--' + name);
  return at > 0 ? process.argv[at + 1] : fallback;
}
const sourceDir = path.resolve(option('source-dir', path.join(__dirname, '..', '..')));
const workDir = path.resolve(option('work-dir', path.join(process.cwd(), 'explorer-test')));
const deps = path.resolve(option('deps', process.env.NEWSGRAPH_RESOURCES || path.join(sourceDir, '.deps')));
const newsgraph = option('newsgraph');

function findChromium() {
  const given = option('chromium', process.env.CHROMIUM);
  const candidates = [given, '/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((c) => c && fs.existsSync(c));
  if (!found) throw new Error('no Chromium found (Debian package chromium): run scripts/setup.sh');
  return found;
}

function loadPuppeteer() {
  const modules = path.join(deps, 'puppeteer-core', 'node_modules', 'puppeteer-core');
  if (!fs.existsSync(modules)) throw new Error(`${modules} is missing: run scripts/setup.sh`);
  return require(modules);
}

class CheckFailed extends Error {}
function require_(condition, message) {
  if (!condition) throw new CheckFailed(message);
}

function build(inputs, output, extra = []) {
  fs.rmSync(output, { recursive: true, force: true });
  try {
    execFileSync(newsgraph, ['build', ...inputs, '-o', output, '--quiet', '--format', 'graphml,html', ...extra],
      { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (error) {
    if (error.status !== 1) throw error;  // 1: some input skipped; the rest was written
  }
  return path.join(output, 'explorer.html');
}

function graphmlNodeCount(file) {
  return (fs.readFileSync(file, 'utf8').match(/<node /g) || []).length;
}

// Opens `file` in a fresh page; collects console errors, page errors, dialogs and requests
// that leave the file.
async function open(browser, file) {
  const page = await browser.newPage();
  await page.setViewport({ width: 1400, height: 850 });
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('dialog', async (dialog) => { problems.push(`dialog: ${dialog.message()}`); await dialog.dismiss(); });
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith('file:') && !url.startsWith('data:') && !url.startsWith('blob:'))
      problems.push(`request off the file: ${url}`);
  });
  const started = Date.now();
  await page.goto('file://' + path.resolve(file), { waitUntil: 'load', timeout: 120000 });
  await page.waitForFunction(() => document.body.dataset.ready === 'true', { timeout: 120000 });
  const loadSeconds = (Date.now() - started) / 1000;
  return { page, problems, loadSeconds };
}

// Pixels of a screenshot of the graph that differ from its white background: the screenshot
// is decoded by the browser itself (an <img> of the PNG, read back through a canvas).
async function inkedPixels(page) {
  const graph = await page.$('#graph');
  const png = await graph.screenshot({ encoding: 'base64' });
  return page.evaluate(async (b64) => {
    const image = new Image();
    image.src = 'data:image/png;base64,' + b64;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0);
    const pixels = context.getImageData(0, 0, image.width, image.height).data;
    let inked = 0;
    for (let k = 0; k < pixels.length; k += 4)
      if (pixels[k] < 235 || pixels[k + 1] < 235 || pixels[k + 2] < 235) inked++;
    return { inked, total: image.width * image.height };
  }, png);
}

async function clickNode(page, label) {
  const point = await page.evaluate((wanted) => {
    const { cy, data } = window.newsgraphExplorer;
    const index = data.nodes.findIndex((n) => n.label === wanted);
    const node = cy.getElementById('n' + index);
    const box = document.getElementById('graph').getBoundingClientRect();
    const at = node.renderedPosition();
    return { x: box.left + at.x, y: box.top + at.y };
  }, label);
  await page.mouse.click(point.x, point.y);
}

const text = (page, selector) => page.$eval(selector, (element) => element.textContent);

async function checkSeeds(browser, corpus) {
  const output = path.join(workDir, 'seeds');
  const file = build([corpus], output);
  const { page, problems, loadSeconds } = await open(browser, file);
  require_(!problems.length, problems.join('\n'));

  const expected = graphmlNodeCount(path.join(output, 'graph.graphml'));
  const counts = await page.evaluate(() => ({
    cy: window.newsgraphExplorer.cy.nodes().length, data: window.newsgraphExplorer.data.nodes.length }));
  require_(counts.cy === expected && counts.data === expected,
    `the page has ${counts.cy} nodes (${counts.data} in its data), graph.graphml ${expected}`);

  const { inked, total } = await inkedPixels(page);
  require_(inked > total * 0.005, `the graph looks blank: ${inked} of ${total} pixels drawn`);

  // Search: type the name, pick the first match.
  await page.click('#search');
  await page.keyboard.type('xi jinping');
  await page.waitForSelector('#results li[role=option]');
  const first = await text(page, '#results li[role=option]');
  require_(first.startsWith('Xi Jinping'), `the first match of "xi jinping" is "${first}"`);
  await page.keyboard.press('Enter');
  await page.waitForSelector('#profile-name');
  require_(await text(page, '#profile-name') === 'Xi Jinping', 'Enter did not open Xi Jinping\'s profile');

  // A real click on his dot (after the search's zoom) shows his profile and evidence.
  await page.click('#details');  // anything but the graph
  await page.evaluate(() => { document.getElementById('details').replaceChildren(); });
  await new Promise((resolve) => setTimeout(resolve, 400));  // the search's zoom animation
  await clickNode(page, 'Xi Jinping');
  await page.waitForSelector('#profile-name', { timeout: 5000 });
  require_(await text(page, '#profile-name') === 'Xi Jinping', 'clicking Xi Jinping\'s dot shows another profile');
  const profile = await page.evaluate(() => ({
    relations: document.querySelectorAll('#profile-relations > li').length,
    quotes: [...document.querySelectorAll('#profile-relations blockquote')].map((q) => q.textContent),
    cites: document.querySelectorAll('#profile-relations cite').length,
  }));
  require_(profile.relations > 0 && profile.quotes.length > 0 && profile.cites === profile.quotes.length,
    `Xi Jinping's profile shows ${profile.relations} relations, ${profile.quotes.length} quotes`);
  require_(profile.quotes.some((q) => /\bXi\b/.test(q)), 'no quote under Xi Jinping names Xi');
  const screenshot = option('screenshot');
  if (screenshot) await page.screenshot({ path: screenshot });

  // His first relation's evidence: every kept sentence with its article.
  await page.click('#profile-relations > li button.link:last-of-type');
  await page.waitForSelector('#evidence blockquote');
  const evidence = await page.evaluate(() => ({
    title: document.getElementById('evidence-title').textContent,
    quotes: document.querySelectorAll('#evidence blockquote').length,
    cites: [...document.querySelectorAll('#evidence cite')].map((c) => c.textContent),
  }));
  require_(evidence.title.includes('Xi Jinping') && evidence.quotes > 0 &&
    evidence.cites.every((c) => /\[.+, s\. \d+\]/.test(c)), `the evidence panel: ${JSON.stringify(evidence)}`);

  // Filters: people off hides every person; co-mentions on adds their lines.
  const before = await page.evaluate(() => window.newsgraphExplorer.shown());
  await page.evaluate(() => {
    const box = [...document.querySelectorAll('#filters label')].find((l) => l.textContent.startsWith('Person'));
    box.querySelector('input').click();
  });
  const people = await page.evaluate(() => window.newsgraphExplorer.cy.nodes('.t0').filter((n) =>
    !n.hasClass('hidden')).length);
  require_(people <= 1, `${people} people still shown with Person unticked (only the searched one may stay)`);
  await page.click('input[data-relation=co_mentioned]');
  const after = await page.evaluate(() => window.newsgraphExplorer.shown());
  require_(after.edges > 0, 'co-mentions ticked, nothing shown');
  const weight = await page.evaluate(() => {
    const slider = document.getElementById('min-weight');
    slider.value = slider.max;
    slider.dispatchEvent(new Event('input'));
    return window.newsgraphExplorer.shown();
  });
  require_(weight.edges < after.edges, 'the weight filter hid nothing');
  require_(!problems.length, problems.join('\n'));
  await page.close();
  return `seeds: ${expected} entities as in graph.graphml, shown ${before.nodes}; Xi Jinping found, ` +
    `clicked: ${profile.relations} relations, ${evidence.quotes} sentences of evidence; ` +
    `${(100 * inked / total).toFixed(1)}% of the screenshot drawn; ready in ${loadSeconds.toFixed(1)} s`;
}

async function checkHostile(browser) {
  const input = path.join(workDir, 'hostile.jsonl');
  fs.mkdirSync(workDir, { recursive: true });
  const sentence = 'Chinese President Xi Jinping met Russian President Vladimir Putin in Moscow ' +
    '</script><script>window.pwned = 1</script> <img src=x onerror="window.pwned = 2"> on Tuesday.';
  fs.writeFileSync(input, JSON.stringify({
    id: 'hostile</script>', title: '</script><script>window.pwned = 3</script><!-- <b>bold</b>',
    url: 'javascript:window.pwned = 4', date: '2023-03-21', text: sentence + '\n\n' +
      'Xi Jinping said China and Russia would deepen their partnership.',
  }) + '\n');
  const output = path.join(workDir, 'hostile');
  const file = build([input], output);
  const html = fs.readFileSync(file, 'utf8');
  const scripts = (html.match(/<script/gi) || []).length, ends = (html.match(/<\/script/gi) || []).length;
  require_(scripts === 3 && ends === 3, `explorer.html has ${scripts} <script and ${ends} </script, not 3`);
  const { page, problems } = await open(browser, file);
  const pwned = await page.evaluate(() => window.pwned);
  require_(pwned === undefined, `the page ran code from an article (window.pwned = ${pwned})`);
  require_(!problems.length, problems.join('\n'));
  const found = await page.evaluate(() => {
    const { data, selectEdge } = window.newsgraphExplorer;
    const j = data.edges.findIndex((e) => data.relations[e[2]][0] !== 'co_mentioned');
    if (j < 0) return null;
    selectEdge(j);
    return {
      quote: document.querySelector('#evidence blockquote').textContent,
      links: document.querySelectorAll('#evidence a').length,
      cite: document.querySelector('#evidence cite').textContent,
    };
  });
  require_(found, 'no typed relation read from the hostile article');
  require_(found.quote.includes('</script><script>window.pwned = 1</script>') && found.links === 0 &&
    found.cite.includes('</script><script>window.pwned = 3</script>'),
    `the hostile text is not shown as text, or its javascript: URL became a link: ${JSON.stringify(found)}`);
  await page.close();
  return 'hostile: "</script>", markup and a javascript: URL shown as text, none of it run';
}

async function checkDates(browser) {
  const input = path.join(workDir, 'dated.jsonl');
  fs.mkdirSync(workDir, { recursive: true });
  const articles = [
    ['2023-03-20', 'https://example.org/a', 'Chinese President Xi Jinping met Russian President Vladimir Putin in Moscow on Monday.'],
    ['2024-05-16', 'https://example.org/b', 'Russian President Vladimir Putin visited China on Thursday. ' +
      'German Chancellor Olaf Scholz criticized Russian President Vladimir Putin.'],
  ];
  fs.writeFileSync(input, articles.map(([date, url, text], k) =>
    JSON.stringify({ id: `dated-${k}`, title: `Dated ${k}`, url, date, text })).join('\n') + '\n');
  const file = build([input], path.join(workDir, 'dated'));
  const { page, problems } = await open(browser, file);
  const result = await page.evaluate(() => {
    const { shown } = window.newsgraphExplorer;
    const all = shown().edges;
    const from = document.getElementById('date-from'), to = document.getElementById('date-to');
    if (!from) return { all, slider: false };
    to.value = 0;  // the first date only
    to.dispatchEvent(new Event('input'));
    return { all, slider: true, first: shown().edges, max: Number(from.max) };
  });
  require_(!problems.length, problems.join('\n'));
  require_(result.slider && result.max >= 1, `no time slider over two dates: ${JSON.stringify(result)}`);
  require_(result.first > 0 && result.first < result.all,
    `the time slider kept ${result.first} of ${result.all} relations at the first date`);
  const link = await page.evaluate(() => {
    const { data, selectEdge } = window.newsgraphExplorer;
    selectEdge(data.edges.findIndex((e) => data.relations[e[2]][0] !== 'co_mentioned'));
    const a = document.querySelector('#evidence cite a');
    return a && { href: a.getAttribute('href'), cite: a.parentElement.textContent };
  });
  require_(link && link.href.startsWith('https://example.org/') && /20\d\d-\d\d-\d\d/.test(link.cite),
    `evidence cites no article link and date: ${JSON.stringify(link)}`);
  await page.close();
  return `dates: the time slider keeps ${result.first} of ${result.all} relations at the first of ${result.max + 1} dates`;
}

async function main() {
  const puppeteer = loadPuppeteer();
  const browser = await puppeteer.launch({
    executablePath: findChromium(), headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--allow-file-access-from-files'],
  });
  let failed = 0;
  try {
    const only = option('page');
    if (only) {
      const { page, problems, loadSeconds } = await open(browser, only);
      const { inked, total } = await inkedPixels(page);
      const chosen = option('select');  // an entity to search for first, as a reader would
      if (chosen) {
        await page.click('#search');
        await page.keyboard.type(chosen);
        await page.keyboard.press('Enter');
        await page.waitForSelector('#profile-name');
        await new Promise((resolve) => setTimeout(resolve, 600));
      }
      const screenshot = option('screenshot');
      if (screenshot) await page.screenshot({ path: screenshot });
      console.log(`${only}: ${(fs.statSync(only).size / 1e6).toFixed(1)} MB, ready in ${loadSeconds.toFixed(1)} s, ` +
        `${(100 * inked / total).toFixed(1)}% of the graph drawn, ${problems.length} problems`);
      problems.forEach((p) => console.log('  ' + p));
      return problems.length ? 1 : 0;
    }
    const seeds = path.join(sourceDir, '..', 'shared', 'seeds');
    const checks = [
      ['seeds', () => checkSeeds(browser, fs.existsSync(seeds) ? seeds : path.join(sourceDir, 'samples'))],
      ['hostile', () => checkHostile(browser)],
      ['dates', () => checkDates(browser)],
    ];
    for (const [name, check] of checks) {
      try {
        console.log('ok   ' + await check());
      } catch (error) {
        failed++;
        console.log(`FAIL ${name}: ${error instanceof CheckFailed ? error.message : error.stack}`);
      }
    }
  } finally {
    await browser.close();
  }
  return failed ? 1 : 0;
}

main().then((code) => process.exit(code), (error) => { console.error(error); process.exit(1); });
