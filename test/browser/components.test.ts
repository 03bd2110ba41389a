/**
 * The picture components on their dogfooding page (docs/reference/components), in the production
 * build: the static HTML already holds the matrix; clicking or pressing Enter on a cell explains it;
 * FWB changes a cell; with every byte shown only the rows in view are mounted and the explanation
 * stays next to the cell; the scenario builder, the timeline (answered by a worker) and the decoder
 * follow their controls; no test logs a console error; axe finds no WCAG A/AA violation inside the
 * page's article in light or dark mode. Every expected value is computed here with the model.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cellOf, definedMair, definedS2, groupedRows, kvmColumns, USUAL_MAIR_BYTES } from '../../src/components/CombineMatrix/rows';
import { writesHeadline } from '../../src/components/Timeline/labels';
import { ACCESSORS, access, accessMemoryTypes, claims, decodeMair, decodeS2, NEWEST_KERNEL, scenario } from '../../src/model';
import { axeFor } from '../support/axe';
import { launchBrowser } from '../support/browser';
import { PHONE } from '../support/phone-layout';
import { hydrated } from '../support/site';
import { type StaticServer, serveStatic } from '../support/static-server';

const BUILD = process.env.MEMATTR_BUILD_DIR ?? 'build';
const PATH = '/docs/reference/components';
/** Rows a windowed matrix may mount in a 900 px high window: the box's view plus the overscan. */
const MAX_MOUNTED_ROWS = 60;

type Browser = Awaited<ReturnType<typeof launchBrowser>>;

function cell(page: Page, s1: number, s2: number) {
  return page.locator(`table[data-fwb] button[data-s1="${s1}"][data-s2="${s2}"]`);
}

function expectedCell(s1: number, s2: number, fwb: boolean) {
  const c = cellOf(s1, s2, fwb);
  if (!c.ok) throw new Error(`cell ${s1}/${s2} is reserved: ${c.message}`);
  return c;
}

/** Opens the page with JavaScript and waits until React has hydrated it, its islands included. */
async function openHydrated(browser: Browser, url: string, problems: string[]): Promise<Page> {
  const page = await browser.context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.goto(url, { waitUntil: 'load' });
  await hydrated(page);
  return page;
}

/**
 * Resolves once a windowed matrix has caught up with its scroll (it follows a frame or more later):
 * no spacer, the blank rows standing for those not mounted, shows in the box below its sticky heading.
 */
async function rowsInView(table: Locator): Promise<void> {
  await table.page().waitForFunction(
    (t) => {
      const view = (t.parentElement as HTMLElement).getBoundingClientRect();
      const top = view.top + ((t as HTMLTableElement).tHead?.getBoundingClientRect().height ?? 0);
      return [...t.querySelectorAll('tbody tr[aria-hidden="true"]')].every((s) => {
        const r = s.getBoundingClientRect();
        return r.bottom <= top || r.top >= view.bottom;
      });
    },
    await table.elementHandle(),
    { polling: 'raf', timeout: 30_000 },
  );
}

describe('picture components', () => {
  let server: StaticServer;
  let browser: Browser;
  const problems: string[] = [];

  beforeAll(async () => {
    server = await serveStatic(BUILD);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  // Each test owns the console messages of the pages it opened.
  afterEach(() => {
    expect(problems.splice(0)).toEqual([]);
  });

  it('the static HTML (no JavaScript) holds the whole matrix, computed by combine()', async () => {
    const noJs = await launchBrowser({ javaScriptEnabled: false });
    try {
      const page = await noJs.context.newPage();
      await page.goto(server.url + PATH);
      const columns = definedS2(false);
      await expect(page.locator('table[data-fwb="off"] caption').textContent()).resolves.toMatch(/stage-1 MAIR byte/);
      await expect(page.locator('table[data-fwb="off"] thead th[scope="col"]').count()).resolves.toBe(columns.length + 1);
      await expect(page.locator('table[data-fwb="off"] tbody th[scope="row"]').count()).resolves.toBe(USUAL_MAIR_BYTES.length);
      for (const s1 of USUAL_MAIR_BYTES) {
        for (const { memAttr } of columns) {
          await expect(cell(page, s1, memAttr).textContent()).resolves.toBe(expectedCell(s1, memAttr, false).short);
        }
      }
      // Every island's server HTML is in its place and shown, not held back in a hidden element for
      // a script to move in.
      const islands = await page
        .locator('[data-island]')
        .evaluateAll((els) => els.map((e) => (e.firstElementChild === null ? 0 : e.firstElementChild.getBoundingClientRect().height)));
      expect(islands.length).toBeGreaterThanOrEqual(5);
      expect(islands.filter((h) => h === 0)).toEqual([]);
      // The other components are in the static HTML too.
      const effective = scenario({ kernel: NEWEST_KERNEL, vfioDriver: 'vfio-pci', guestMapping: 'ioremap_wc' });
      if (!effective.ok || !effective.result.effectiveType) throw new Error('scenario failed');
      await expect(page.getByTestId('scenario-effective').textContent()).resolves.toBe(effective.result.effectiveType);
      await expect(page.locator('svg[role="img"] title').count()).resolves.toBeGreaterThan(0);
      await expect(page.getByTestId('timeline-verdict').count()).resolves.toBe(1);
      // The FWB table: each MemAttr's meaning is decodeS2()'s.
      for (const memAttr of [0, 5, 6, 7]) {
        const d = decodeS2({ memAttr, fwb: true });
        if (!d.ok) throw new Error(d.error.message);
        await expect(page.locator(`[data-testid="fwb-table"] tr[data-memattr="${memAttr}"] td`).first().textContent()).resolves.toBe(
          d.result.explanation,
        );
      }
    } finally {
      await noJs.close();
    }
  });

  it('clicking a cell shows the rule and explanation from combine()', async () => {
    const page = await openHydrated(browser, server.url + PATH, problems);
    const want = expectedCell(0xbb, 0x1, false);
    await cell(page, 0xbb, 0x1).click();
    await expect(cell(page, 0xbb, 0x1).getAttribute('aria-pressed')).resolves.toBe('true');
    const detail = page.getByTestId('combine-detail');
    await expect(page.getByTestId('combine-rule').textContent()).resolves.toBe(want.result.rule);
    await expect(detail.textContent()).resolves.toContain(want.result.explanation);
    await page.close();
  });

  it('arrow keys move between cells and Enter explains the focused one', async () => {
    const page = await openHydrated(browser, server.url + PATH, problems);
    const columns = definedS2(false).map((c) => c.memAttr);
    const start = cell(page, 0x04, columns[0] as number);
    await start.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const s1 = USUAL_MAIR_BYTES[USUAL_MAIR_BYTES.indexOf(0x04) + 1] as number;
    const s2 = columns[1] as number;
    await expect(
      page.evaluate(() => [document.activeElement?.getAttribute('data-s1'), document.activeElement?.getAttribute('data-s2')]),
    ).resolves.toEqual([String(s1), String(s2)]);
    await expect(page.getByTestId('combine-rule').textContent()).resolves.toBe(expectedCell(s1, s2, false).result.rule);
    await page.close();
  });

  it('the FWB toggle changes guest Device-nGnRE x stage-2 0x6 as combine() says', async () => {
    const page = await openHydrated(browser, server.url + PATH, problems);
    const off = expectedCell(0x04, 0x6, false);
    const on = expectedCell(0x04, 0x6, true);
    expect(off.cls).not.toBe(on.cls); // the test is only meaningful if FWB changes the class
    await expect(cell(page, 0x04, 0x6).textContent()).resolves.toBe(off.short);
    await page.getByLabel('FEAT_S2FWB on (HCR_EL2.FWB = 1)').check();
    await expect(page.locator('table[data-fwb="on"]').count()).resolves.toBe(1);
    await expect(cell(page, 0x04, 0x6).textContent()).resolves.toBe(on.short);
    await expect(cell(page, 0x04, 0x6).locator('xpath=..').getAttribute('data-class')).resolves.toBe(on.cls);
    await expect(page.locator('table[data-fwb="on"] thead th[scope="col"]').count()).resolves.toBe(definedS2(true).length + 1);
    await cell(page, 0x04, 0x6).click();
    await expect(page.getByTestId('combine-rule').textContent()).resolves.toBe(on.result.rule);
    await page.close();
  });

  it('showing every defined MAIR byte mounts only the rows in view, and scrolling reaches every one', async () => {
    const page = await openHydrated(browser, server.url + PATH, problems);
    await page.getByLabel(/Show all \d+ defined MAIR bytes/).check();
    const table = page.locator('table[data-fwb]');
    const groups = groupedRows(definedMair());
    await expect(table.getAttribute('data-rows')).resolves.toBe(String(definedMair().length));
    // Rows for a screen reader: the heading row, each group's heading, every byte.
    await expect(table.getAttribute('aria-rowcount')).resolves.toBe(String(1 + groups.length + definedMair().length));
    const mounted = () => table.locator('tbody th[scope="row"]').count();
    expect(await mounted()).toBeGreaterThan(5);
    expect(await mounted()).toBeLessThanOrEqual(MAX_MOUNTED_ROWS);
    // Scroll the box a screen at a time: every byte is drawn at some point, never too many at once.
    const seen = new Set<number>();
    for (let step = 0; step < 200; step++) {
      const [bytes, atEnd] = await table.evaluate((t) => {
        const box = t.parentElement as HTMLElement;
        const found = [...t.querySelectorAll('tbody tr[data-row] button[data-s2]')].map((b) => Number(b.getAttribute('data-s1')));
        const end = box.scrollTop + box.clientHeight >= box.scrollHeight - 1;
        box.scrollTop += box.clientHeight * 0.8;
        return [found, end] as const;
      });
      for (const b of bytes) seen.add(b);
      expect(await mounted()).toBeLessThanOrEqual(MAX_MOUNTED_ROWS);
      if (atEnd) break;
      await rowsInView(table);
    }
    expect([...seen].sort((a, b) => a - b)).toEqual(definedMair());
    await page.close();
  });

  it('with every byte shown, arrow keys pressed faster than rows are drawn (a held key) reach the row they count to', async () => {
    const page = await openHydrated(browser, server.url + PATH, problems);
    await page.getByLabel(/Show all \d+ defined MAIR bytes/).check();
    const order = groupedRows(definedMair()).flatMap((g) => g.rows.map((r) => r.mair));
    const first = definedS2(false)[0]?.memAttr as number;
    await cell(page, order[0] as number, first).focus();
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-s1'));
    // 70 presses in one task: no frame is drawn between them, so most land past the rows mounted.
    await page.evaluate((n) => {
      for (let i = 0; i < n; i++) {
        document.activeElement?.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, cancelable: true }));
      }
    }, 70);
    await expect.poll(focused, { timeout: 30_000 }).toBe(String(order[70]));
    // Ordinary presses go on from there, and Enter explains the cell reached.
    await page.keyboard.press('ArrowUp');
    await expect.poll(focused).toBe(String(order[69]));
    await page.keyboard.press('ArrowDown');
    await expect.poll(focused).toBe(String(order[70]));
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('combine-rule').textContent()).resolves.toBe(expectedCell(order[70] as number, first, false).result.rule);
    await page.close();
  });

  it('with every byte shown, a cell still waiting for its row does not take the focus back once the reader has moved on', async () => {
    const page = await openHydrated(browser, server.url + PATH, problems);
    const showAll = page.getByLabel(/Show all \d+ defined MAIR bytes/);
    await showAll.check();
    const order = groupedRows(definedMair()).flatMap((g) => g.rows.map((r) => r.mair));
    await cell(page, order[0] as number, definedS2(false)[0]?.memAttr as number).focus();
    // 70 presses, then the focus moves to the control above the table, all before a frame is drawn.
    await page.evaluate((n) => {
      for (let i = 0; i < n; i++) {
        document.activeElement?.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, cancelable: true }));
      }
      document.querySelector<HTMLInputElement>('input[type="checkbox"]')?.focus();
    }, 70);
    // The rows the presses reached are drawn, and the focus stays where the reader put it.
    await expect.poll(() => cell(page, order[70] as number, definedS2(false)[0]?.memAttr as number).count()).toBe(1);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await expect(page.evaluate(() => document.activeElement?.getAttribute('type'))).resolves.toBe('checkbox');
    await page.close();
  });

  for (const how of ['click', 'Enter'] as const) {
    it(`on a phone, with every byte shown, ${how} on a cell far down explains it with the cell still in view`, async () => {
      const page = await openHydrated(browser, server.url + PATH, problems);
      await page.setViewportSize(PHONE);
      await page.getByLabel(/Show all \d+ defined MAIR bytes/).check();
      const table = page.locator('table[data-fwb]');
      await table.evaluate((t) => {
        (t.parentElement as HTMLElement).scrollTop = 5000;
      });
      await rowsInView(table);
      // A cell in view: the box's middle row, its first column.
      const target = page.locator('table[data-fwb] tbody tr[data-row]').nth(8).locator('button').first();
      const s1 = Number(await target.getAttribute('data-s1'));
      const s2 = Number(await target.getAttribute('data-s2'));
      if (how === 'click') await target.click();
      else {
        await target.focus();
        await page.keyboard.press('Enter');
      }
      await expect(page.getByTestId('combine-rule').textContent()).resolves.toBe(expectedCell(s1, s2, false).result.rule);
      const geometry = await page.evaluate(
        ([a, b]) => {
          const c = document.querySelector(`table[data-fwb] button[data-s1="${a}"][data-s2="${b}"]`)?.getBoundingClientRect();
          const d = document.querySelector('[data-testid="combine-detail"]')?.getBoundingClientRect();
          return { cell: c ? [c.top, c.bottom] : null, detail: d ? [d.top, d.bottom] : null, height: window.innerHeight };
        },
        [s1, s2],
      );
      const [cellTop = Number.NaN, cellBottom = Number.NaN] = geometry.cell ?? [];
      const [detailTop = Number.NaN] = geometry.detail ?? [];
      expect(cellTop).toBeGreaterThanOrEqual(0);
      expect(cellBottom).toBeLessThanOrEqual(geometry.height);
      // The explanation's heading is on the same screen as the cell.
      expect(detailTop).toBeGreaterThan(cellBottom);
      expect(detailTop).toBeLessThanOrEqual(geometry.height - 40);
      await page.close();
    });
  }

  it('on a phone, the cell explained first and its KVM column are in view after loading', async () => {
    const page = await openHydrated(browser, server.url + PATH, problems);
    await page.setViewportSize(PHONE);
    await page.reload({ waitUntil: 'load' });
    // Hydrated, then the frame after: the matrix scrolls the cell into view as it mounts.
    await hydrated(page);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const pressed = page.locator('table[data-fwb] button[aria-pressed="true"]');
    const s2 = Number(await pressed.getAttribute('data-s2'));
    expect(kvmColumns(false).has(s2)).toBe(true);
    const place = await pressed.evaluate((b) => {
      const box = (b.closest('table') as HTMLElement).parentElement as HTMLElement;
      const sticky = box.querySelector('th[scope="row"]')?.getBoundingClientRect().width ?? 0;
      const r = b.getBoundingClientRect();
      const v = box.getBoundingClientRect();
      return { left: r.left - (v.left + sticky), right: v.right - r.right };
    });
    expect(place.left).toBeGreaterThanOrEqual(-1);
    expect(place.right).toBeGreaterThanOrEqual(-1);
    await page.close();
  });

  it('the scenario builder follows its controls', async () => {
    const page = await openHydrated(browser, server.url + PATH, problems);
    const effectiveOf = (kernel: string, fwb = false) => {
      const a = scenario({ kernel, vfioDriver: 'vfio-pci', guestMapping: 'ioremap_wc', fwb });
      if (!a.ok || a.result.effectiveType === null) throw new Error('scenario failed');
      return a.result.effectiveType;
    };
    expect(effectiveOf('6.8')).not.toBe(effectiveOf('6.9'));
    await page.getByTestId('scenario-kernel').selectOption('6.8');
    await expect(page.getByTestId('scenario-effective').textContent()).resolves.toBe(effectiveOf('6.8'));
    await page.getByTestId('scenario-kernel').selectOption('6.9');
    await expect(page.getByTestId('scenario-effective').textContent()).resolves.toBe(effectiveOf('6.9'));
    await page.getByTestId('scenario-fwb').check();
    await expect(page.getByTestId('scenario-effective').textContent()).resolves.toBe(effectiveOf('6.9', true));
    // A driver that does not exist in the chosen kernel shows the model's error, not a broken page.
    await page.getByTestId('scenario-kernel').selectOption('5.10');
    await page.getByTestId('scenario-driver').selectOption('nvgrace-gpu-resmem');
    const bad = scenario({ kernel: '5.10', vfioDriver: 'nvgrace-gpu-resmem', guestMapping: 'ioremap_wc' });
    if (bad.ok) throw new Error('expected nvgrace-gpu to be missing from 5.10');
    await expect(page.getByTestId('scenario-error').textContent()).resolves.toContain(bad.error.message);
    await page.close();
  });

  it('the timeline follows accessor and memory type, each new choice answered by a worker', async () => {
    const page = await openHydrated(browser, server.url + PATH, problems);
    // The choices are the model's accessors, in its order: one it adds appears here unchanged.
    await expect(
      page
        .getByTestId('timeline-accessor')
        .locator('option')
        .evaluateAll((os) => os.map((o) => o.getAttribute('value'))),
    ).resolves.toEqual([...ACCESSORS]);
    const settled = async () => {
      await page.locator('[data-busy="false"]', { has: page.getByTestId('timeline-verdict') }).waitFor();
    };
    for (const memoryType of ['Device-nGnRE', 'Normal-NC'] as const) {
      const a = access({ accessor: 'writel', memoryType, kernel: NEWEST_KERNEL });
      if (!a.ok) throw new Error(a.error.message);
      await page.getByTestId('timeline-memtype').selectOption(memoryType);
      await settled();
      await expect(page.getByTestId('timeline-verdict').textContent()).resolves.toBe(a.result.correct ? 'correct' : 'not correct');
      await expect(page.getByTestId('timeline-writes').textContent()).resolves.toBe(writesHeadline(a.result));
    }
    await page.getByTestId('timeline-accessor').selectOption('__iowrite64_copy');
    const copy = access({ accessor: '__iowrite64_copy', memoryType: 'Normal-NC', kernel: NEWEST_KERNEL, bytes: 64 });
    if (!copy.ok) throw new Error(copy.error.message);
    await settled();
    await expect(page.getByTestId('timeline-verdict').textContent()).resolves.toBe(copy.result.correct ? 'correct' : 'not correct');
    await expect(page.getByTestId('timeline-writes').textContent()).resolves.toBe(writesHeadline(copy.result));
    // The enumeration ran in the timeline's worker, not on the page's main thread.
    expect(page.workers().some((w) => w.url().includes('timeline-access-worker'))).toBe(true);
    await page.close();
  });

  it('st64b adds the host kernel and the location, and offers the cacheable types, each answered as the model answers', async () => {
    const page = await openHydrated(browser, server.url + PATH, problems);
    const settled = async () => {
      await page.locator('[data-busy="false"]', { has: page.getByTestId('timeline-verdict') }).waitFor();
    };
    await expect(page.getByTestId('timeline-host').count()).resolves.toBe(0);
    await page.getByTestId('timeline-accessor').selectOption('st64b');
    await expect(
      page
        .getByTestId('timeline-memtype')
        .locator('option')
        .evaluateAll((os) => os.map((o) => o.getAttribute('value'))),
    ).resolves.toEqual([...accessMemoryTypes('st64b')]);
    const cases = [
      { memoryType: 'Normal-NC', hostKernel: NEWEST_KERNEL, locationSupportsLs64: true },
      { memoryType: 'Normal-NC', hostKernel: '6.19', locationSupportsLs64: true },
      { memoryType: 'Normal-NC', hostKernel: NEWEST_KERNEL, locationSupportsLs64: false },
      { memoryType: 'Normal-WB', hostKernel: NEWEST_KERNEL, locationSupportsLs64: true },
    ] as const;
    for (const c of cases) {
      await page.getByTestId('timeline-memtype').selectOption(c.memoryType);
      await page.getByTestId('timeline-host').selectOption(c.hostKernel);
      await page.getByTestId('timeline-location').setChecked(c.locationSupportsLs64);
      await settled();
      const a = access({ accessor: 'st64b', kernel: NEWEST_KERNEL, ...c });
      if (!a.ok) throw new Error(a.error.message);
      await expect(page.getByTestId('timeline-verdict').textContent(), JSON.stringify(c)).resolves.toBe(
        a.result.correct ? 'correct' : 'not correct',
      );
      await expect(page.getByTestId('timeline-writes').textContent(), JSON.stringify(c)).resolves.toBe(writesHeadline(a.result));
    }
    await page.close();
  });

  it("the MAIR decoder shows the model's error, with the field and the reason, for a number that is not a byte", async () => {
    const page = await openHydrated(browser, server.url + PATH, problems);
    const input = page.getByLabel('Attr<n> byte');
    await input.fill('300');
    const want = decodeMair({ mair: 300 });
    if (want.ok) throw new Error('300 decoded');
    await expect(page.getByTestId('mair-error').textContent()).resolves.toBe(
      `${want.error.code} (${want.error.field}): ${want.error.message}`,
    );
    await input.fill('0x0C');
    const gre = decodeMair({ mair: 0x0c });
    if (!gre.ok) throw new Error(gre.error.message);
    await expect(page.locator('output').filter({ hasText: gre.result.explanation }).count()).resolves.toBe(1);
    await page.close();
  });

  it('the claims table lists every claim from claims()', async () => {
    const page = await openHydrated(browser, server.url + PATH, problems);
    const a = claims();
    if (!a.ok) throw new Error(a.error.message);
    await expect(page.locator('tr[id^="claim-"]').count()).resolves.toBe(a.result.claims.length);
    for (const c of a.result.claims) {
      await expect(page.locator(`tr[id="claim-${c.id}"]`).getAttribute('data-verdict')).resolves.toBe(c.verdict);
    }
    await page.close();
  });

  it('axe finds no WCAG A/AA violation in the components with FWB on, light (every rule) then dark (the colour rules)', async () => {
    const page = await openHydrated(browser, server.url + PATH, problems);
    // FWB on adds colours the first view lacks (the force-WB column); every page's first view is
    // checked in both themes by every-page-*.test.ts.
    await page.getByLabel('FEAT_S2FWB on (HCR_EL2.FWB = 1)').check();
    const found = async (scheme: 'light' | 'dark') =>
      (await axeFor(page, scheme, 'article').analyze()).violations.map(
        (v) => `${scheme} ${v.id}: ${v.nodes.length} node(s), e.g. ${v.nodes[0]?.target.join(' ')}`,
      );
    const light = await found('light');
    // Docusaurus follows the system's colour scheme while the reader has not picked one.
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    // Infima's links and controls move to their dark colours in a 200 ms transition: axe would read
    // colours half-way (53 contrast failures seen once). It runs once no transition is running.
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
    const dark = await found('dark');
    expect({ light, dark }).toEqual({ light: [], dark: [] });
    await page.close();
  });
});
