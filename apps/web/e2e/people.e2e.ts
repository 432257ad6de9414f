// End-to-end tests of the expert directory and the insights pages in headless Chromium, on the
// demo company: the directory finds the top expert of a tag (by the search form, without
// JavaScript too), insights opens for the community lead (charts, tables, CSV) and not for a
// plain member, and axe-core finds no serious violation on either page.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoSiteSkipped, findChromium, seriousViolations, useBrowserSite } from './harness.ts';

const chromiumPath = findChromium();
const DEMO_PASSWORD = 'serendip-demo';
const LEAD_EMAIL = 'manon.rousseau@boreal.example';

interface PeopleReply {
  people: { user: { displayName: string }; relevance: { expertiseRank: number | null } }[];
}

describe.skipIf(!chromiumPath || demoSiteSkipped())(
  'expert directory and insights in Chromium',
  () => {
    const e2e = useBrowserSite(chromiumPath, { seedDemo: true, startTimeoutMs: 240_000 });
    /** The demo's most used tag and its top expert, read from the API once scores exist. */
    let tag: string;
    let topExpert: string;

    async function signIn(page: Page, email: string, password: string) {
      await page.goto('/connexion');
      await page.getByLabel('Adresse e-mail').fill(email);
      await page.getByLabel('Mot de passe').fill(password);
      await Promise.all([
        page.waitForURL(`${e2e.site.baseUrl}/`),
        page.getByRole('button', { name: 'Se connecter' }).click(),
      ]);
    }

    beforeAll(async () => {
      // The community lead computes the influence scores now (set-up through the API).
      const context = await e2e.newApiContext();
      const login = await context.request.post('/api/auth/login', {
        data: { email: LEAD_EMAIL, password: DEMO_PASSWORD },
      });
      expect(login.status()).toBe(200);
      const { csrfToken } = (await login.json()) as { csrfToken: string };
      const recompute = await context.request.post('/api/influence/recompute', {
        headers: { 'x-csrf-token': csrfToken },
        data: {},
      });
      expect(recompute.status(), await recompute.text()).toBe(200);
      const insights = (await (await context.request.get('/api/insights?weeks=104')).json()) as {
        topTags: { slug: string }[];
      };
      for (const candidate of insights.topTags) {
        const reply = (await (
          await context.request.get(`/api/people?tag=${encodeURIComponent(candidate.slug)}`)
        ).json()) as PeopleReply;
        const first = reply.people[0];
        if (first && first.relevance.expertiseRank !== null) {
          tag = candidate.slug;
          topExpert = first.user.displayName;
          break;
        }
      }
      expect(tag, 'a demo tag with a demonstrated expert').toBeDefined();
    }, 240_000);

    for (const javaScriptEnabled of [true, false]) {
      it(`finds the top expert of a tag with the search form (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
        const page = await e2e.newPage({ javaScriptEnabled });
        await signIn(page, 'lea.bonnet@boreal.example', DEMO_PASSWORD);
        await page
          .getByRole('navigation', { name: 'Navigation principale' })
          .getByRole('link', { name: 'Personnes', exact: true })
          .click();
        await page.waitForURL(`${e2e.site.baseUrl}/personnes`);
        await page.getByLabel('Compétence ou étiquette').fill(tag);
        await Promise.all([
          page.waitForURL(/\/personnes\?etiquette=/),
          page.getByRole('button', { name: 'Rechercher' }).click(),
        ]);
        expect(
          await page.getByRole('heading', { level: 2, name: `Experts de #${tag}` }).count(),
        ).toBe(1);
        const first = page
          .getByRole('listitem')
          .filter({ has: page.getByRole('article') })
          .first();
        expect(await first.getByRole('heading', { level: 3 }).textContent()).toContain(topExpert);
        // Ranked first by the directory score: demonstrated expertise on the tag, explained.
        expect(await first.textContent()).toMatch(/Expertise démontrée : rang \d+/);
        const ask = first.getByRole('link', { name: /^Poser une question à/ });
        if ((await ask.count()) > 0) {
          await Promise.all([page.waitForURL(/\/nouveau\?pour=/), ask.click()]);
          expect(await page.getByText(/^Question adressée à @/).count()).toBe(1);
          expect(await page.getByLabel('Étiquettes').inputValue()).toBe(tag);
        }
      });
    }

    it('opens insights for the community lead, with charts, their tables and the CSV', async () => {
      const page = await e2e.newPage();
      await signIn(page, LEAD_EMAIL, DEMO_PASSWORD);
      await page.getByRole('link', { name: 'Tableau de bord' }).click();
      await page.waitForURL(`${e2e.site.baseUrl}/insights`);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
        'Tableau de bord de la communauté',
      );
      await page.locator('.uplot').first().waitFor();
      expect(await page.locator('.uplot').count()).toBe(2);
      expect(await page.getByRole('table').count()).toBeGreaterThanOrEqual(2);
      expect(await page.getByRole('heading', { level: 3, name: 'Experts' }).count()).toBe(1);
      const csv = await page.request.get(
        (await page.getByRole('link', { name: 'Exporter en CSV' }).getAttribute('href'))!,
      );
      expect(csv.status()).toBe(200);
      expect(csv.headers()['content-type']).toContain('text/csv');
      expect((await csv.text()).split('\r\n')[0]).toBe('section,key,value,value2,detail');
      expect(await seriousViolations(page), '/insights').toEqual([]);
    });

    it('refuses insights to a plain member and shows them no link to it', async () => {
      const page = await e2e.newPage();
      await signIn(page, 'lea.bonnet@boreal.example', DEMO_PASSWORD);
      expect(await page.getByRole('link', { name: 'Tableau de bord' }).count()).toBe(0);
      const response = await page.goto('/insights');
      expect(response?.status()).toBe(403);
      expect((await page.request.get('/insights/export')).status()).toBe(403);
    });

    it('has no serious accessibility violation on the directory, at desktop and phone widths', async () => {
      const page = await e2e.newPage();
      await signIn(page, 'lea.bonnet@boreal.example', DEMO_PASSWORD);
      for (const width of [1280, 360]) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(`/personnes?etiquette=${encodeURIComponent(tag)}`);
        expect(await seriousViolations(page), `/personnes at ${width}px`).toEqual([]);
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow, `/personnes at ${width}px`).toBeLessThanOrEqual(0);
      }
    });
  },
);
