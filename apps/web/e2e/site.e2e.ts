// End-to-end tests of the web app's foundation in headless Chromium: registration, sign-in and
// sign-out (with and without JavaScript), languages, error pages, joining a group, accessibility
// (axe-core) and screenshots at desktop and phone widths.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  findChromium,
  newPerson,
  PERSON_PASSWORD,
  registerThroughApi,
  registerThroughPage,
  screenshotDir,
  seriousViolations,
  useBrowserSite,
} from './harness.ts';

const chromiumPath = findChromium();
if (!chromiumPath) {
  console.warn('Skipping the web end-to-end tests: no chromium binary (apt-get install chromium).');
}

describe.skipIf(!chromiumPath)('web app in Chromium', () => {
  const e2e = useBrowserSite(chromiumPath);

  const register = (page: Page) => registerThroughPage(page, newPerson('person'));

  /** Groups and a thread made through the API by another person, so lists have content. */
  async function seedGroups(): Promise<void> {
    const context = await e2e.newApiContext();
    const csrfToken = await registerThroughApi(context.request, newPerson('person'));
    const headers = { 'x-csrf-token': csrfToken };
    const groups = [
      { slug: 'qualite-industrielle', name: 'Qualité industrielle', kind: 'professional' },
      { slug: 'club-randonnee', name: 'Club randonnée', kind: 'hobby' },
    ];
    for (const group of groups) {
      const created = await context.request.post('/api/groups', {
        headers,
        data: { ...group, description: `Le groupe ${group.name}, ouvert à tous.` },
      });
      expect(created.status()).toBe(201);
    }
    const thread = await context.request.post('/api/groups/qualite-industrielle/threads', {
      headers,
      data: {
        kind: 'question',
        title: 'Comment préparer un audit ISO 9001 ?',
        body: 'Nous avons un audit dans deux mois : par où commencer ?',
        tags: ['iso-9001', 'audit'],
      },
    });
    expect(thread.status()).toBe(201);
  }

  beforeAll(seedGroups);

  it('registers and lands on the home page, signed in', async () => {
    const page = await e2e.newPage();
    const person = await register(page);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(
      person.displayName,
    );
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
  });

  it('signs out, then signs in again', async () => {
    const page = await e2e.newPage();
    const person = await register(page);
    await page.locator('summary').click();
    await Promise.all([
      page.waitForURL(`${e2e.site.baseUrl}/connexion`),
      page.getByRole('button', { name: 'Se déconnecter' }).click(),
    ]);
    expect(await page.getByRole('link', { name: 'Se connecter' }).count()).toBe(1);
    await page.getByLabel('Adresse e-mail').fill(person.email);
    await page.getByLabel('Mot de passe').fill(PERSON_PASSWORD);
    await Promise.all([
      page.waitForURL(`${e2e.site.baseUrl}/`),
      page.getByRole('button', { name: 'Se connecter' }).click(),
    ]);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain(
      person.displayName,
    );
  });

  it('keeps the email and shows the error when the password is wrong', async () => {
    const page = await e2e.newPage();
    await page.goto('/connexion');
    await page.getByLabel('Adresse e-mail').fill('nobody@example.com');
    await page.getByLabel('Mot de passe').fill('not-the-password');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('alert').getByText('Adresse e-mail ou mot de passe incorrect.').waitFor();
    expect(await page.getByLabel('Adresse e-mail').inputValue()).toBe('nobody@example.com');
    expect(page.url()).toBe(`${e2e.site.baseUrl}/connexion`);
  });

  it('registers, signs out and shows field errors without JavaScript', async () => {
    const page = await e2e.newPage({ javaScriptEnabled: false });
    await page.goto('/inscription');
    await page.getByLabel('Nom affiché').fill('Sans Script');
    await page.getByLabel('Identifiant').fill('x');
    await page.getByLabel('Adresse e-mail').fill('sans.script@example.com');
    await page.getByLabel('Mot de passe').fill('short');
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    await page.getByText('L’identifiant doit faire 2 à 32 caractères').waitFor();
    expect(await page.getByLabel('Adresse e-mail').inputValue()).toBe('sans.script@example.com');
    expect(await page.getByLabel('Identifiant').getAttribute('aria-invalid')).toBe('true');

    const person = await register(page);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain(
      person.displayName,
    );
    await page.locator('summary').click();
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.waitForURL(`${e2e.site.baseUrl}/connexion`);
  });

  it('speaks English when the browser asks for it', async () => {
    const page = await e2e.newPage({ locale: 'en-US' });
    await page.goto('/connexion');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Sign in');
    await page.getByRole('link', { name: 'Create an account' }).waitFor();
  });

  it('shows a 404 page in both languages', async () => {
    const french = await e2e.newPage();
    const response = await french.goto('/page-qui-n-existe-pas');
    expect(response?.status()).toBe(404);
    expect(await french.getByRole('heading', { level: 1 }).textContent()).toBe('Page introuvable');
    const english = await e2e.newPage({ locale: 'en-GB' });
    await english.goto('/page-qui-n-existe-pas');
    expect(await english.getByRole('heading', { level: 1 }).textContent()).toBe('Page not found');
  });

  it('joins a group from the directory, then sees its threads at home', async () => {
    const page = await e2e.newPage();
    await register(page);
    await page.goto('/groupes');
    const card = page.getByRole('listitem').filter({ hasText: 'Qualité industrielle' });
    await card.getByRole('button', { name: 'Rejoindre' }).click();
    await page.getByRole('status').getByText('Vous avez rejoint Qualité industrielle.').waitFor();
    await page.goto('/');
    // In the feed of one's groups (the same unanswered question may also be among those to answer).
    await page
      .getByRole('region', { name: 'Dans vos groupes' })
      .getByRole('link', { name: 'Comment préparer un audit ISO 9001 ?' })
      .waitFor();
  });

  it('has no serious or critical axe violation, and fits 360 px; screenshots', async () => {
    mkdirSync(screenshotDir, { recursive: true });
    const visitor = await e2e.newPage();
    for (const path of ['/connexion', '/inscription']) {
      await visitor.goto(path);
      expect(await seriousViolations(visitor), path).toEqual([]);
    }
    const page = await e2e.newPage();
    await register(page);
    await page.goto('/groupes');
    await page
      .getByRole('listitem')
      .filter({ hasText: 'Qualité industrielle' })
      .getByRole('button', { name: 'Rejoindre' })
      .click();
    await page.getByRole('status').getByText('Vous avez rejoint Qualité industrielle.').waitFor();
    for (const [path, name] of [
      ['/', 'home'],
      ['/groupes', 'groups'],
    ] as const) {
      for (const width of [1280, 360]) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(path);
        expect(await seriousViolations(page), `${path} at ${width}px`).toEqual([]);
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow, `${path} scrolls sideways at ${width}px`).toBeLessThanOrEqual(0);
        await page.screenshot({
          path: join(screenshotDir, `${name}-${width}.png`),
          fullPage: true,
        });
      }
    }
  });
});
