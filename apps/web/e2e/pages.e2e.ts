// End-to-end tests of the pages added for issue #3 in headless Chromium: the ask page's tag
// suggestions and markdown preview (live with JavaScript, a Preview button without), editing a
// post and reading its version history, creating a group, a tag's page, the settings page, the
// home page's sections, private groups staying invisible, axe-core on every page and screenshots
// at desktop and phone widths.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRequestContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
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

/** Someone acting through the API (set-up only; what is tested goes through the pages). */
interface ApiPerson {
  request: APIRequestContext;
  csrfToken: string;
  handle: string;
}

describe.skipIf(!chromiumPath)('new pages in Chromium', () => {
  const e2e = useBrowserSite(chromiumPath);
  /** Pages worth an axe check and screenshots, by name, with someone who may see them. */
  const visited = new Map<string, { path: string; page: Page }>();

  const register = (page: Page) => registerThroughPage(page, newPerson('page', 'Alix Moreau'));

  async function apiPerson(): Promise<ApiPerson> {
    const context = await e2e.newApiContext();
    const person = newPerson('page', 'Alix Moreau');
    const csrfToken = await registerThroughApi(context.request, person);
    return { request: context.request, csrfToken, handle: person.handle };
  }

  async function apiPost<T>(person: ApiPerson, path: string, data: unknown): Promise<T> {
    const reply = await person.request.post(path, {
      headers: { 'x-csrf-token': person.csrfToken },
      data,
    });
    expect(reply.status(), await reply.text()).toBeLessThan(300);
    return (await reply.json()) as T;
  }

  async function apiGroup(owner: ApiPerson, slug: string, name: string, visibility = 'public') {
    await apiPost(owner, '/api/groups', {
      slug,
      name,
      kind: 'professional',
      visibility,
      description: `Le groupe ${name}.`,
    });
  }

  async function apiThread(owner: ApiPerson, slug: string, title: string, tags: string[]) {
    const created = await apiPost<{ thread: { id: number } }>(
      owner,
      `/api/groups/${slug}/threads`,
      { kind: 'question', title, body: `Le détail de « ${title} ».`, tags },
    );
    return created.thread.id;
  }

  it('suggests existing tags and previews the markdown as it is typed (JavaScript)', async () => {
    const owner = await apiPerson();
    await apiGroup(owner, 'outillage', 'Outillage');
    await apiThread(owner, 'outillage', 'Quel outil de revue de code choisir ?', ['revue-de-code']);

    const page = await e2e.newPage();
    await register(page);
    await page.goto('/groupes/outillage/nouveau');
    await page.getByLabel('Titre').fill('Comment relire une demande de fusion ?');
    await page.getByLabel('Détails').fill('Avec **soin** et `git diff`');
    const preview = page.getByRole('region', { name: 'Aperçu' });
    await preview.locator('strong', { hasText: 'soin' }).waitFor();
    expect(await preview.locator('code').textContent()).toBe('git diff');
    // No Preview button once the preview follows the typing.
    expect(await page.getByRole('button', { name: 'Aperçu' }).count()).toBe(0);

    const tags = page.getByRole('combobox', { name: 'Étiquettes' });
    await tags.pressSequentially('rev');
    const option = page.getByRole('option', { name: /revue-de-code/ });
    await option.waitFor();
    mkdirSync(screenshotDir, { recursive: true });
    await page.screenshot({ path: join(screenshotDir, 'pages-ask-live-1280.png'), fullPage: true });
    expect(await tags.getAttribute('aria-expanded')).toBe('true');
    await tags.press('ArrowDown');
    expect(await option.getAttribute('aria-selected')).toBe('true');
    await tags.press('Enter');
    expect(await tags.inputValue()).toBe('revue-de-code, ');
    expect(await tags.getAttribute('aria-expanded')).toBe('false');
    await tags.pressSequentially('git');
    await Promise.all([
      page.waitForURL(/\/sujets\/\d+$/),
      page.getByRole('button', { name: 'Publier' }).click(),
    ]);
    await page.getByRole('link', { name: 'revue-de-code' }).waitFor();
    await page.getByRole('link', { name: 'git', exact: true }).waitFor();
    await page.getByLabel('Réponse', { exact: true }).fill('Relisez *par petits lots*.');
    await page
      .getByRole('region', { name: 'Aperçu' })
      .locator('em', { hasText: 'par petits lots' })
      .waitFor();
    visited.set('ask-tags-preview', { path: '/groupes/outillage/nouveau', page });
  });

  it('previews with a button and keeps the form filled, without JavaScript', async () => {
    const owner = await apiPerson();
    await apiGroup(owner, 'sans-script', 'Sans script');
    const page = await e2e.newPage({ javaScriptEnabled: false });
    await register(page);
    await page.goto('/groupes/sans-script/nouveau');
    await page.getByLabel('Titre').fill('Un aperçu sans JavaScript ?');
    await page.getByLabel('Détails').fill('# Titre\n\nUne *emphase*.');
    await page.getByLabel('Étiquettes').fill('accessibilite');
    await page.getByRole('button', { name: 'Aperçu' }).click();
    const preview = page.getByRole('region', { name: 'Aperçu' });
    await preview.locator('em', { hasText: 'emphase' }).waitFor();
    expect(await preview.locator('h3').textContent()).toBe('Titre');
    expect(await page.getByLabel('Titre').inputValue()).toBe('Un aperçu sans JavaScript ?');
    expect(await page.getByLabel('Étiquettes').inputValue()).toBe('accessibilite');
    await Promise.all([
      page.waitForURL(/\/sujets\/\d+$/),
      page.getByRole('button', { name: 'Publier' }).click(),
    ]);
    expect(await page.locator('.body em').textContent()).toBe('emphase');

    // The answer form previews the same way.
    const answer = page.getByLabel('Réponse', { exact: true });
    await answer.fill('Une réponse **appuyée**.');
    await page.getByRole('button', { name: 'Aperçu' }).click();
    await page
      .getByRole('region', { name: 'Aperçu' })
      .locator('strong', { hasText: 'appuyée' })
      .waitFor();
    expect(await page.getByLabel('Réponse', { exact: true }).inputValue()).toBe(
      'Une réponse **appuyée**.',
    );
    await page.getByRole('button', { name: 'Publier ma réponse' }).click();
    await page.locator('article.post', { hasText: 'Une réponse appuyée.' }).waitFor();
  });

  for (const javaScriptEnabled of [true, false]) {
    const mode = javaScriptEnabled ? 'with JavaScript' : 'without JavaScript';

    it(`edits a question and an answer, then shows their versions ${mode}`, async () => {
      const owner = await apiPerson();
      const slug = `edition-${javaScriptEnabled ? 'js' : 'html'}`;
      await apiGroup(owner, slug, `Édition ${mode}`);
      const page = await e2e.newPage({ javaScriptEnabled });
      await register(page);
      await page.goto(`/groupes/${slug}/nouveau`);
      await page.getByLabel('Titre').fill('Première version du titre ?');
      await page.getByLabel('Détails').fill('Première ligne.\nDeuxième ligne.');
      await page.getByLabel('Étiquettes').fill('edition');
      await Promise.all([
        page.waitForURL(/\/sujets\/\d+$/),
        page.getByRole('button', { name: 'Publier' }).click(),
      ]);
      const threadPath = new URL(page.url()).pathname;
      await page.getByLabel('Réponse', { exact: true }).fill('Ma réponse, première version.');
      await page.getByRole('button', { name: 'Publier ma réponse' }).click();
      const answer = page.locator('article.post', { hasText: 'Ma réponse' });
      await answer.waitFor();

      // The question: a bad title first (error next to it, text kept), then a good edit.
      await page.getByRole('link', { name: 'Modifier le sujet' }).click();
      await page.getByRole('heading', { level: 1, name: 'Modifier le sujet' }).waitFor();
      expect(await page.getByLabel('Étiquettes').inputValue()).toBe('edition');
      await page.getByLabel('Titre').fill('Court');
      await page.getByLabel('Détails').fill('Première ligne.\nDeuxième ligne, corrigée.');
      await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
      await page.getByText('Le titre doit compter de 8 à 200 caractères.').waitFor();
      expect(await page.getByLabel('Détails').inputValue()).toContain('corrigée');
      await page.getByLabel('Titre').fill('Seconde version du titre ?');
      await Promise.all([
        page.waitForURL((url) => url.pathname === threadPath),
        page.getByRole('button', { name: 'Enregistrer les modifications' }).click(),
      ]);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
        'Seconde version du titre ?',
      );

      // The answer.
      await answer.getByRole('link', { name: 'Modifier' }).click();
      await page.getByRole('heading', { level: 1, name: 'Modifier le message' }).waitFor();
      await page.getByLabel('Réponse', { exact: true }).fill('Ma réponse, seconde version.');
      await Promise.all([
        page.waitForURL((url) => url.pathname === threadPath),
        page.getByRole('button', { name: 'Enregistrer les modifications' }).click(),
      ]);
      const edited = page.locator('article.post', { hasText: 'Ma réponse, seconde version.' });
      await edited.waitFor();

      // The question's history: newest first, the changed line marked, the old title kept.
      await page
        .locator('article.post')
        .first()
        .getByRole('link', { name: 'modifié (voir les 2 versions)' })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Historique des versions' }).waitFor();
      const versions = page.getByRole('article');
      expect(await versions.count()).toBe(2);
      expect(await versions.nth(0).getByRole('heading').textContent()).toContain('Version 2');
      expect(await versions.nth(0).locator('.changed').textContent()).toBe(
        'Deuxième ligne, corrigée.\n',
      );
      await versions.nth(1).getByText('Titre : Première version du titre ?').waitFor();
      if (javaScriptEnabled) {
        visited.set('thread-edited', { path: threadPath, page });
        visited.set('edit-post', {
          path: new URL(page.url()).pathname.replace('versions', 'modifier'),
          page,
        });
        visited.set('post-history', { path: new URL(page.url()).pathname, page });
      }
    });
  }

  it('does not let a colleague edit someone else’s answer', async () => {
    const owner = await apiPerson();
    await apiGroup(owner, 'chasse-gardee', 'Chasse gardée');
    const threadId = await apiThread(owner, 'chasse-gardee', 'Qui peut modifier ce sujet ?', [
      'droits',
    ]);
    const page = await e2e.newPage();
    await register(page);
    await page.goto(`/sujets/${threadId}`);
    expect(await page.getByRole('link', { name: 'Modifier le sujet' }).count()).toBe(0);
    const detail = await (await owner.request.get(`/api/threads/${threadId}`)).json();
    const postId = (detail as { posts: { id: number }[] }).posts[0]!.id;
    const response = await page.goto(`/sujets/${threadId}/messages/${postId}/modifier`);
    expect(response?.status()).toBe(403);
  });

  for (const javaScriptEnabled of [true, false]) {
    const mode = javaScriptEnabled ? 'with JavaScript' : 'without JavaScript';

    it(`creates a private group that stays invisible to others ${mode}`, async () => {
      const suffix = javaScriptEnabled ? 'Alpha' : 'Beta';
      const slug = `cercle-prive-${suffix.toLowerCase()}`;
      const owner = await e2e.newPage({ javaScriptEnabled });
      await register(owner);
      await owner.goto('/groupes');
      await owner.getByRole('link', { name: 'Créer un groupe' }).click();
      await owner.getByRole('heading', { level: 1, name: 'Créer un groupe' }).waitFor();
      await owner.getByLabel('Nom du groupe').fill(`Cercle privé ${suffix}`);
      await owner.getByLabel('Loisirs').check();
      await owner.getByLabel('Privé').check();
      await Promise.all([
        owner.waitForURL(`${e2e.site.baseUrl}/groupes/${slug}`),
        owner.getByRole('button', { name: 'Créer le groupe' }).click(),
      ]);
      expect(await owner.getByRole('heading', { level: 1 }).textContent()).toContain(
        `Cercle privé ${suffix}`,
      );
      // The same address again: the error sits next to the address, the name stays typed.
      await owner.goto('/nouveau-groupe');
      await owner.getByLabel('Nom du groupe').fill(`Cercle privé ${suffix}`);
      await owner.getByRole('button', { name: 'Créer le groupe' }).click();
      await owner.getByText('Cette adresse de groupe est déjà prise.').waitFor();
      expect(await owner.getByLabel('Adresse (facultatif)').getAttribute('aria-invalid')).toBe(
        'true',
      );
      expect(await owner.getByLabel('Nom du groupe').inputValue()).toBe(`Cercle privé ${suffix}`);

      // A thread inside, tagged.
      await owner.goto(`/groupes/${slug}/nouveau`);
      await owner.getByLabel('Titre').fill('Un sujet entre membres seulement ?');
      await owner.getByLabel('Détails').fill('Rien ne doit sortir du cercle.');
      await owner.getByLabel('Étiquettes').fill(`confidentiel-${suffix}`);
      await Promise.all([
        owner.waitForURL(/\/sujets\/\d+$/),
        owner.getByRole('button', { name: 'Publier' }).click(),
      ]);
      const threadPath = new URL(owner.url()).pathname;
      const tagPath = `/etiquettes/confidentiel-${suffix.toLowerCase()}`;
      await owner.goto(tagPath);
      await owner.getByRole('link', { name: 'Un sujet entre membres seulement ?' }).waitFor();

      const outsider = await e2e.newPage({ javaScriptEnabled });
      await register(outsider);
      await outsider.goto('/groupes');
      expect(await outsider.getByText(`Cercle privé ${suffix}`).count()).toBe(0);
      for (const path of [`/groupes/${slug}`, threadPath, `/groupes/${slug}/nouveau`]) {
        const response = await outsider.goto(path);
        expect(response?.status(), path).toBe(404);
        expect(await outsider.getByRole('heading', { level: 1 }).textContent()).toBe(
          'Page introuvable',
        );
        expect(await outsider.content()).not.toContain('Un sujet entre membres seulement');
      }
      await outsider.goto(tagPath);
      await outsider.getByText('Aucun sujet avec cette étiquette').waitFor();
      expect(await outsider.content()).not.toContain('Un sujet entre membres seulement');
      if (javaScriptEnabled) {
        visited.set('new-group', { path: '/nouveau-groupe', page: owner });
        visited.set('tag', { path: tagPath, page: owner });
        visited.set('not-found', { path: `/groupes/${slug}`, page: outsider });
      }
    });

    it(`lists what one follows in the settings and unfollows it ${mode}`, async () => {
      const author = await apiPerson();
      const slug = `suivi-${javaScriptEnabled ? 'js' : 'html'}`;
      await apiGroup(author, slug, `Suivi ${mode}`);
      const threadId = await apiThread(author, slug, `Un sujet à suivre ${mode} ?`, ['suivi']);
      const page = await e2e.newPage({ javaScriptEnabled });
      const person = await register(page);
      await page.goto('/parametres');
      await page.getByText('Vous ne suivez rien pour l’instant').waitFor();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Télécharger mes données' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(new RegExp(`^serendip-${person.handle}-`));
      const saved = JSON.parse(readFileSync(await download.path(), 'utf8'));
      expect(saved.profile).toMatchObject({ handle: person.handle, email: person.email });
      await page.goto(`/sujets/${threadId}`);
      await page.getByRole('button', { name: 'Suivre ce sujet' }).click();
      await page.getByText('Vous suivez ce sujet.').waitFor();
      await page.goto('/parametres');
      const followed = page.getByRole('link', { name: `Un sujet à suivre ${mode} ?` });
      await followed.waitFor();
      expect(await followed.getAttribute('href')).toBe(`/sujets/${threadId}`);
      const link = page.getByRole('link', { name: 'Choisir la langue et les notifications' });
      expect(await link.getAttribute('href')).toBe('/profil#preferences-title');
      if (javaScriptEnabled) visited.set('settings', { path: '/parametres', page });
      await page
        .getByRole('button', { name: `Ne plus suivre Un sujet à suivre ${mode} ?` })
        .click();
      await page
        .getByRole('status')
        .getByText(`Vous ne suivez plus Un sujet à suivre ${mode} ?.`)
        .waitFor();
      await page.goto('/parametres');
      await page.getByText('Vous ne suivez rien pour l’instant').waitFor();
    });
  }

  it('shows a newcomer threads of groups they have not joined in Discover, never private ones', async () => {
    const page = await e2e.newPage();
    await register(page);
    const discover = page.getByRole('region', { name: 'À découvrir' });
    // The indexer runs beside the API: reload until the earlier threads are searchable (bounded).
    await expect
      .poll(
        async () => {
          expect((await page.goto('/'))?.status()).toBe(200);
          await page.getByRole('heading', { level: 2, name: 'Dans vos groupes' }).waitFor();
          return discover.count();
        },
        { timeout: 20_000, interval: 250 },
      )
      .toBeGreaterThan(0);
    const items = discover.getByRole('listitem');
    expect(await items.count()).toBeGreaterThan(0);
    for (const item of await items.all()) {
      expect(await item.locator('.reason').textContent()).toBeTruthy();
    }
    expect(await page.content()).not.toContain('Un sujet entre membres seulement');
    visited.set('home', { path: '/', page });
  });

  it('has no serious axe violation on any page; screenshots at desktop and phone widths', async () => {
    const home = visited.get('home');
    const thread = visited.get('thread-edited');
    expect(home && thread, 'the flows above ran first').toBeTruthy();
    // The pages of the earlier issue too, so that one run shows the whole site.
    const visitor = await e2e.newPage();
    const groupSlug = 'edition-js';
    const others: [string, string, Page][] = [
      ['sign-in', '/connexion', visitor],
      ['register', '/inscription', visitor],
      ['groups', '/groupes', home!.page],
      ['group', `/groupes/${groupSlug}`, thread!.page],
      ['profile', '/profil', home!.page],
      ['notifications', '/notifications', home!.page],
    ];
    const pages: [string, string, Page][] = [
      ...others,
      ...[...visited].map(([name, { path, page }]): [string, string, Page] => [name, path, page]),
    ];
    mkdirSync(screenshotDir, { recursive: true });
    for (const [name, path, page] of pages) {
      for (const width of [1280, 360]) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(path);
        expect(await seriousViolations(page), `${path} at ${width}px`).toEqual([]);
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow, `${path} scrolls sideways at ${width}px`).toBeLessThanOrEqual(0);
        await page.screenshot({
          path: join(screenshotDir, `pages-${name}-${width}.png`),
          fullPage: true,
        });
      }
    }
  });
});
