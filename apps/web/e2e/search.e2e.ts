// End-to-end tests of the search and discovery pages in headless Chromium: /recherche finds a
// thread whatever its accents, facets filter the results, the header suggests as one types, a
// thread page shows related threads with their reasons, the ask page says "already asked?", the
// home page's Discover strip shows real items, and a private group's thread never reaches a
// non-member (search, suggestions, related). axe-core on /recherche; screenshots at desktop and
// phone widths. The indexer runs in the server: tests poll the API until content is searchable.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRequestContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  findChromium,
  newPerson,
  registerThroughApi,
  registerThroughPage,
  screenshotDir,
  seriousViolations,
  useBrowserSite,
} from './harness.ts';

const chromiumPath = findChromium();
/** How long indexing may take before a test gives up (the indexer runs right after each write). */
const INDEX_TIMEOUT_MS = 20_000;
const POLL_INTERVAL_MS = 250;

/** Someone acting through the API (set-up only; what is tested goes through the pages). */
interface ApiPerson {
  request: APIRequestContext;
  csrfToken: string;
}

const TITLES = {
  temperature: 'Quelle température de fermentation pour une bière blonde ?',
  cleaning: 'Comment nettoyer le fermenteur après la fermentation ?',
  bread: 'Une recette de pain à la drêche de brasserie ?',
  secret: 'Fermentation confidentielle du projet Éclair',
};

describe.skipIf(!chromiumPath)('search and discovery pages in Chromium', () => {
  // Three readable threads mention "fermentation": with more than two matches a search is
  // broad, so these pages show both estimated and exact counts.
  const e2e = useBrowserSite(chromiumPath, { env: { SEARCH_BROAD_MATCHES: '2' } });
  let owner: ApiPerson;
  const threadIds: Record<keyof typeof TITLES, number> = {
    temperature: 0,
    cleaning: 0,
    bread: 0,
    secret: 0,
  };
  /** A colleague in none of the groups: signed in through the pages. */
  let searcher: Page;

  async function register(page: Page): Promise<void> {
    await registerThroughPage(page, newPerson('cherche', 'Camille Roux'));
  }

  async function apiPerson(): Promise<ApiPerson> {
    const context = await e2e.newApiContext();
    const csrfToken = await registerThroughApi(
      context.request,
      newPerson('cherche', 'Camille Roux'),
    );
    return { request: context.request, csrfToken };
  }

  async function apiPost<T>(person: ApiPerson, path: string, data: unknown): Promise<T> {
    const reply = await person.request.post(path, {
      headers: { 'x-csrf-token': person.csrfToken },
      data,
    });
    expect(reply.status(), await reply.text()).toBeLessThan(300);
    return (await reply.json()) as T;
  }

  async function apiGroup(slug: string, name: string, visibility: 'public' | 'private') {
    await apiPost(owner, '/api/groups', {
      slug,
      name,
      kind: 'professional',
      visibility,
      description: `Le groupe ${name}.`,
    });
  }

  async function apiThread(slug: string, title: string, tags: string[], body: string) {
    const created = await apiPost<{ thread: { id: number } }>(
      owner,
      `/api/groups/${slug}/threads`,
      { kind: 'question', title, body, tags },
    );
    return created.thread.id;
  }

  /**
   * A new member's first posts wait for a moderator: the owner, moderating their own groups,
   * approves everything pending so that the threads are published (and so indexed).
   */
  async function approvePending(): Promise<void> {
    const queue = await owner.request.get('/api/mod/queue');
    expect(queue.status(), await queue.text()).toBe(200);
    const { items } = (await queue.json()) as { items: { id: number }[] };
    if (items.length === 0) return;
    const decided = await apiPost<{ decided: number[]; skipped: unknown[] }>(
      owner,
      '/api/mod/queue/bulk',
      { itemIds: items.map((item) => item.id), decision: 'approve' },
    );
    expect(decided.skipped).toEqual([]);
  }

  /** Polls the owner's search (a member of every group) until this thread is found, bounded. */
  async function waitUntilSearchable(q: string, threadId: number): Promise<void> {
    const deadline = Date.now() + INDEX_TIMEOUT_MS;
    for (;;) {
      const reply = await owner.request.get('/api/search', { params: { q, type: 'thread' } });
      const text = await reply.text();
      if (reply.ok()) {
        const { items } = JSON.parse(text) as { items: { id: number }[] };
        if (items.some((item) => item.id === threadId)) return;
      }
      if (Date.now() > deadline) {
        throw new Error(`thread ${threadId} never found for "${q}": ${reply.status()} ${text}`);
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
    }
  }

  beforeAll(async () => {
    owner = await apiPerson();
    await apiGroup('brasserie', 'Brasserie', 'public');
    await apiGroup('boulangerie', 'Boulangerie', 'public');
    await apiGroup('projet-eclair', 'Projet Éclair', 'private');
    threadIds.temperature = await apiThread(
      'brasserie',
      TITLES.temperature,
      ['fermentation', 'levure'],
      'Entre 18 et 20 °C pour une levure ale : quelle température de fermentation visez-vous ?',
    );
    threadIds.cleaning = await apiThread(
      'brasserie',
      TITLES.cleaning,
      ['fermentation', 'hygiene'],
      'Le fermenteur en inox garde une odeur après la fermentation de la bière.',
    );
    threadIds.bread = await apiThread(
      'boulangerie',
      TITLES.bread,
      ['recette', 'fermentation'],
      'La drêche de la bière donne un pain dense : quelle fermentation pour la pâte ?',
    );
    threadIds.secret = await apiThread(
      'projet-eclair',
      TITLES.secret,
      ['fermentation', 'levure'],
      'Température de fermentation de la bière du projet Éclair, entre nous.',
    );
    await approvePending();
    await waitUntilSearchable('fermentation', threadIds.temperature);
    await waitUntilSearchable('fermentation', threadIds.cleaning);
    await waitUntilSearchable('fermentation', threadIds.bread);
    await waitUntilSearchable('Eclair', threadIds.secret);
    searcher = await e2e.newPage();
    await register(searcher);
  });

  it('finds a thread whatever its accents, with the match highlighted', async () => {
    await searcher.goto('/recherche');
    await searcher
      .getByLabel('Rechercher des sujets, réponses, groupes et personnes')
      .fill('TEMPERATURE biere');
    await Promise.all([
      searcher.waitForURL(/\/recherche\?q=/),
      searcher.getByRole('button', { name: 'Rechercher', exact: true }).click(),
    ]);
    const hit = searcher.getByRole('link', { name: TITLES.temperature });
    await hit.waitFor();
    expect(await hit.getAttribute('href')).toBe(`/sujets/${threadIds.temperature}`);
    const marked = await hit.locator('mark').allTextContents();
    expect(marked.map((word) => word.toLowerCase())).toContain('température');
    expect(await searcher.content()).not.toContain(TITLES.secret);
  });

  it('narrows the results with the group, tag and type facets, and removes them', async () => {
    await searcher.goto('/recherche?q=fermentation');
    await searcher.getByRole('link', { name: TITLES.bread }).waitFor();
    const results = searcher.locator('section.results li.item');

    const groups = searcher.getByRole('navigation', { name: 'Groupe' });
    await Promise.all([
      searcher.waitForURL(/groupe=brasserie/),
      groups.getByRole('link', { name: /Brasserie/ }).click(),
    ]);
    await searcher.getByRole('link', { name: TITLES.temperature }).waitFor();
    expect(await searcher.getByRole('link', { name: TITLES.bread }).count()).toBe(0);
    for (const group of await results.locator('.meta a').allTextContents()) {
      expect(group).toBe('Brasserie');
    }
    const chosen = searcher.getByRole('navigation', { name: 'Groupe' }).getByRole('link');
    expect(await chosen.first().getAttribute('aria-current')).toBe('true');

    const tags = searcher.getByRole('navigation', { name: 'Étiquette' });
    await Promise.all([
      searcher.waitForURL(/etiquette=hygiene/),
      tags.getByRole('link', { name: /hygiene/ }).click(),
    ]);
    await searcher.getByRole('link', { name: TITLES.cleaning }).waitFor();
    expect(await searcher.getByRole('link', { name: TITLES.temperature }).count()).toBe(0);

    await Promise.all([
      searcher.waitForURL((url) => !url.search.includes('groupe=')),
      searcher.getByRole('link', { name: 'Retirer tous les filtres' }).click(),
    ]);
    await searcher.getByRole('link', { name: TITLES.bread }).waitFor();

    const types = searcher.getByRole('navigation', { name: 'Type' });
    await Promise.all([
      searcher.waitForURL(/type=sujets/),
      types.getByRole('link', { name: /Sujet/ }).click(),
    ]);
    const kinds = await results.locator('.meta .tag').first().allTextContents();
    expect(kinds).toEqual(['Sujet']);
  });

  it('says "about" for a broad search\'s counts, and gives a narrow one\'s exactly', async () => {
    await searcher.goto('/recherche?q=fermentation');
    await searcher.getByRole('link', { name: TITLES.bread }).waitFor();
    expect(await searcher.locator('p.summary').textContent()).toContain(
      'Environ 3 résultats pour « fermentation »',
    );
    await searcher.getByText('les nombres sont estimés').waitFor();
    const groups = searcher.getByRole('navigation', { name: 'Groupe' });
    expect(await groups.getByRole('link', { name: /Brasserie/ }).textContent()).toContain('≈ 2');

    await searcher.goto('/recherche?q=dr%C3%AAche');
    await searcher.getByRole('link', { name: TITLES.bread }).waitFor();
    expect(await searcher.locator('p.summary').textContent()).toContain(
      '1 résultat pour « drêche »',
    );
    expect(await searcher.getByText('les nombres sont estimés').count()).toBe(0);
  });

  it('searches without JavaScript through the plain form', async () => {
    const page = await e2e.newPage({ javaScriptEnabled: false });
    await register(page);
    await page.goto('/recherche');
    await page.getByLabel('Rechercher des sujets, réponses, groupes et personnes').fill('drêche');
    await page.getByRole('button', { name: 'Rechercher', exact: true }).click();
    await page.getByRole('link', { name: TITLES.bread }).waitFor();
  });

  it('suggests threads in the header while typing and opens the chosen one', async () => {
    await searcher.goto('/');
    const box = searcher.getByRole('combobox', { name: 'Rechercher' });
    await box.pressSequentially('fermenteur');
    const option = searcher.getByRole('option', { name: TITLES.cleaning });
    await option.waitFor();
    expect(await box.getAttribute('aria-expanded')).toBe('true');
    expect(await searcher.getByRole('option', { name: TITLES.secret }).count()).toBe(0);
    mkdirSync(screenshotDir, { recursive: true });
    await searcher.screenshot({ path: join(screenshotDir, 'search-header-suggest-1280.png') });
    await box.press('ArrowDown');
    expect(await option.getAttribute('aria-selected')).toBe('true');
    await Promise.all([
      searcher.waitForURL(`${e2e.site.baseUrl}/sujets/${threadIds.cleaning}`),
      box.press('Enter'),
    ]);

    // Enter without choosing runs the full search.
    const again = searcher.getByRole('combobox', { name: 'Rechercher' });
    await again.fill('levure');
    await Promise.all([searcher.waitForURL(/\/recherche\?q=levure/), again.press('Enter')]);
    await searcher.getByRole('link', { name: TITLES.temperature }).waitFor();
  });

  it('shows related threads with their reasons on a thread page, never a private one', async () => {
    await searcher.goto(`/sujets/${threadIds.temperature}`);
    const related = searcher.getByRole('complementary', { name: 'Sujets proches' });
    await related.waitFor();
    const links = related.locator('a.title');
    const titles = await links.allTextContents();
    expect(titles.length).toBeGreaterThan(0);
    expect(titles).toContain(TITLES.cleaning);
    expect(titles).not.toContain(TITLES.secret);
    const reasons = await related.locator('.reason').allTextContents();
    expect(reasons.length).toBe(titles.length);
    for (const reason of reasons) expect(reason.trim().length).toBeGreaterThan(0);
  });

  it('never lets a non-member reach the private thread through search, suggest or related', async () => {
    const request = searcher.context().request;
    const found = await request.get('/api/search', { params: { q: 'Eclair confidentielle' } });
    expect(found.status()).toBe(200);
    expect(JSON.stringify(await found.json())).not.toContain('confidentielle');
    const suggested = await request.get('/api/search/suggest', { params: { q: 'confidentielle' } });
    expect(suggested.status()).toBe(200);
    expect(JSON.stringify(await suggested.json())).not.toContain('confidentielle');
    const related = await request.get(`/api/threads/${threadIds.secret}/related`);
    expect(related.status()).toBe(404);

    await searcher.goto('/recherche?q=Eclair');
    await searcher.getByText('Aucun résultat').waitFor();
    expect(await searcher.content()).not.toContain('confidentielle');
    // The owner, a member, does find it: the thread is indexed, only hidden from others.
    const own = await owner.request.get('/api/search', { params: { q: 'Eclair confidentielle' } });
    expect(JSON.stringify(await own.json())).toContain('confidentielle');
  });

  it('asks "already asked?" under the title while typing a question', async () => {
    await searcher.goto('/groupes/brasserie/nouveau');
    await searcher.getByLabel('Titre').pressSequentially('Température de fermentation idéale');
    const similar = searcher.getByRole('region', { name: 'Déjà demandé ?' });
    await similar.getByRole('link', { name: TITLES.temperature }).waitFor();
    expect(await similar.textContent()).not.toContain('confidentielle');
    await searcher.screenshot({
      path: join(screenshotDir, 'search-already-asked-1280.png'),
      fullPage: true,
    });
  });

  it('shows "already asked?" after Preview without JavaScript', async () => {
    const page = await e2e.newPage({ javaScriptEnabled: false });
    await register(page);
    await page.goto('/groupes/brasserie/nouveau');
    await page.getByLabel('Titre').fill('Nettoyer un fermenteur en inox');
    await page.getByLabel('Détails').fill('Avec quel produit ?');
    await page.getByRole('button', { name: 'Aperçu' }).click();
    const similar = page.getByRole('region', { name: 'Déjà demandé ?' });
    await similar.getByRole('link', { name: TITLES.cleaning }).waitFor();
  });

  it('shows Discover items with their reasons on the home page', async () => {
    await searcher.goto('/');
    const discover = searcher.getByRole('region', { name: 'À découvrir' });
    await discover.waitFor();
    const titles = await discover.locator('a.title').allTextContents();
    expect(titles.length).toBeGreaterThan(0);
    expect(titles).not.toContain(TITLES.secret);
    const reasons = await discover.locator('.reason').allTextContents();
    expect(reasons.length).toBe(titles.length);
  });

  it('has no serious axe violation on the search pages; screenshots at desktop and phone widths', async () => {
    mkdirSync(screenshotDir, { recursive: true });
    const pages: [string, string][] = [
      ['search-empty', '/recherche'],
      ['search-results', '/recherche?q=fermentation'],
      ['search-filtered', '/recherche?q=fermentation&groupe=brasserie&repondu=non'],
      ['search-none', '/recherche?q=introuvablissime'],
      ['search-thread-related', `/sujets/${threadIds.temperature}`],
    ];
    for (const [name, path] of pages) {
      for (const width of [1280, 360]) {
        await searcher.setViewportSize({ width, height: 900 });
        await searcher.goto(path);
        expect(await seriousViolations(searcher), `${path} at ${width}px`).toEqual([]);
        const overflow = await searcher.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow, `${path} scrolls sideways at ${width}px`).toBeLessThanOrEqual(0);
        await searcher.screenshot({
          path: join(screenshotDir, `${name}-${width}.png`),
          fullPage: true,
        });
      }
    }
    // The header's suggestions, open, on a phone.
    await searcher.setViewportSize({ width: 360, height: 900 });
    await searcher.goto('/');
    await searcher.getByRole('combobox', { name: 'Rechercher' }).pressSequentially('ferment');
    await searcher.getByRole('listbox').getByRole('option').first().waitFor();
    expect(await seriousViolations(searcher), 'header suggestions at 360px').toEqual([]);
    await searcher.screenshot({ path: join(screenshotDir, 'search-header-suggest-360.png') });
  });
});
