/**
 * The picture components on their dogfooding page (docs/reference/components), in the production
 * build: the static HTML already holds the matrix; clicking or pressing Enter on a cell explains it;
 * FWB changes a cell; the scenario builder and the timeline follow their controls; no console errors;
 * axe finds no WCAG A/AA violation inside the page's article in light or dark mode. Every expected
 * value is computed here with the model, never typed in.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellOf, definedS2, USUAL_MAIR_BYTES } from '../../src/components/CombineMatrix/rows';
import { access, claims, scenario } from '../../src/model';
import { launchBrowser } from '../support/browser';
import { type StaticServer, serveStatic } from '../support/static-server';

const PATH = '/docs/reference/components';

type Browser = Awaited<ReturnType<typeof launchBrowser>>;

function cell(page: Page, s1: number, s2: number) {
  return page.locator(`table[data-fwb] button[data-s1="${s1}"][data-s2="${s2}"]`);
}

function expectedCell(s1: number, s2: number, fwb: boolean) {
  const c = cellOf(s1, s2, fwb);
  if (!c.ok) throw new Error(`cell ${s1}/${s2} is reserved: ${c.message}`);
  return c;
}

/** Opens the page with JavaScript and waits until React has hydrated the matrix. */
async function openHydrated(browser: Browser, url: string, problems: string[]): Promise<Page> {
  const page = await browser.context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => {
    const b = document.querySelector('table[data-fwb] button');
    return b !== null && Object.keys(b).some((k) => k.startsWith('__reactProps'));
  });
  return page;
}

describe('picture components', () => {
  let server: StaticServer;
  let browser: Browser;
  const problems: string[] = [];

  beforeAll(async () => {
    server = await serveStatic('build');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
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
      // The other components are in the static HTML too.
      const effective = scenario({ kernel: '6.9', vfioDriver: 'vfio-pci', guestMapping: 'ioremap_wc' });
      if (!effective.ok || !effective.result.effectiveType) throw new Error('scenario failed');
      await expect(page.getByTestId('scenario-effective').textContent()).resolves.toBe(effective.result.effectiveType);
      await expect(page.locator('svg[role="img"] title').count()).resolves.toBeGreaterThan(0);
      await expect(page.getByTestId('timeline-verdict').count()).resolves.toBe(1);
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

  it('showing every defined MAIR byte adds their rows', async () => {
    const page = await openHydrated(browser, server.url + PATH, problems);
    await page.getByLabel(/Show all \d+ defined MAIR bytes/).check();
    await expect(page.locator('table[data-fwb] tbody th[scope="row"]').count()).resolves.toBe(236);
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

  it('the timeline follows accessor and memory type', async () => {
    const page = await openHydrated(browser, server.url + PATH, problems);
    for (const memoryType of ['Device-nGnRE', 'Normal-NC'] as const) {
      const a = access({ accessor: 'writel', memoryType, kernel: '6.10' });
      if (!a.ok) throw new Error(a.error.message);
      await page.getByTestId('timeline-memtype').selectOption(memoryType);
      await expect(page.getByTestId('timeline-verdict').textContent()).resolves.toBe(a.result.correct ? 'correct' : 'not correct');
    }
    await page.getByTestId('timeline-accessor').selectOption('__iowrite64_copy');
    const copy = access({ accessor: '__iowrite64_copy', memoryType: 'Normal-NC', kernel: '6.10', bytes: 64 });
    if (!copy.ok) throw new Error(copy.error.message);
    await expect(page.getByTestId('timeline-verdict').textContent()).resolves.toBe(copy.result.correct ? 'correct' : 'not correct');
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

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`axe finds no WCAG A/AA violation in the components (${colorScheme})`, async () => {
      const b = await launchBrowser({ colorScheme });
      try {
        const page = await openHydrated(b, server.url + PATH, problems);
        // Open every state that adds colours: FWB on (the force-WB column) and a broken timeline outcome.
        await page.getByLabel('FEAT_S2FWB on (HCR_EL2.FWB = 1)').check();
        const results = await new AxeBuilder({ page }).include('article').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
        const violations = results.violations.map((v) => `${v.id}: ${v.nodes.length} node(s), e.g. ${v.nodes[0]?.target.join(' ')}`);
        expect(violations).toEqual([]);
        await page.close();
      } finally {
        await b.close();
      }
    });
  }

  it('nothing above logged a console error or warning', () => {
    expect(problems).toEqual([]);
  });
});
