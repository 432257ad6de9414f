// End-to-end tests of profiles and notifications in headless Chromium: a person edits their profile
// (job title, skills, English) and the next page is in English; their public profile shows the
// skills; a colleague's @mention shows up on /notifications and "mark all as read" clears it; a
// field error keeps the typed values without JavaScript; axe-core on the three pages.
import type { APIRequestContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  findChromium,
  newPerson,
  registerThroughApi,
  seriousViolations,
  useBrowserSite,
} from './harness.ts';

const chromiumPath = findChromium();

/** Registers through the API; the context's cookie jar then holds the session. */
async function registerThrough(request: APIRequestContext) {
  const person = newPerson('profil');
  const csrfToken = await registerThroughApi(request, person, { locale: 'fr' });
  return { ...person, headers: { 'x-csrf-token': csrfToken } };
}

describe.skipIf(!chromiumPath)('profiles and notifications in Chromium', () => {
  const e2e = useBrowserSite(chromiumPath);
  /** Groups made by mentionBy, for their unique slugs. */
  let groupsMade = 0;

  /** A colleague opens a question in a public group and mentions `handle` in an answer. */
  async function mentionBy(handle: string): Promise<string> {
    const context = await e2e.newContext();
    const colleague = await registerThrough(context.request);
    groupsMade += 1;
    const slug = `qualite-${groupsMade}`;
    const group = await context.request.post('/api/groups', {
      headers: colleague.headers,
      data: { slug, name: `Qualité ${groupsMade}`, kind: 'professional', description: 'Qualité.' },
    });
    expect(group.status()).toBe(201);
    const thread = await context.request.post(`/api/groups/${slug}/threads`, {
      headers: colleague.headers,
      data: {
        kind: 'question',
        title: 'Qui connaît bien les audits internes ?',
        body: 'Je prépare un audit interne.',
        tags: ['audit'],
      },
    });
    expect(thread.status()).toBe(201);
    const { thread: created } = (await thread.json()) as { thread: { id: number } };
    const answer = await context.request.post(`/api/threads/${created.id}/posts`, {
      headers: colleague.headers,
      data: { body: `@${handle} saura sûrement répondre.` },
    });
    expect(answer.status()).toBe(201);
    return colleague.handle;
  }

  async function expectNoSeriousViolation(page: Page, path: string) {
    await page.goto(path);
    const violations = await seriousViolations(page);
    expect(violations, `${path}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
  }

  it('edits the profile, switches to English, shows skills and clears notifications', async () => {
    const context = await e2e.newContext();
    const me = await registerThrough(context.request);
    await mentionBy(me.handle);
    const page = await context.newPage();

    await page.goto('/profil');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Mon profil');
    await page.getByLabel('Fonction').fill('Auditrice qualité');
    await page.getByLabel('Compétences').fill('Audit interne, Excel');
    await page.getByLabel('Langue').selectOption('en');
    await Promise.all([
      page.waitForURL(/\/profil\?enregistre=1$/),
      page.getByRole('button', { name: 'Enregistrer' }).click(),
    ]);
    await page.getByRole('status').getByText('Your profile is saved.').waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('My profile');
    expect(await page.getByLabel('Job title').inputValue()).toBe('Auditrice qualité');

    await page.goto(`/membres/${me.handle}`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(me.displayName);
    await page.getByText('Auditrice qualité').waitFor();
    const skills = page.getByRole('list', { name: 'Skills' });
    await skills.getByRole('link', { name: 'audit-interne' }).waitFor();
    await skills.getByRole('link', { name: 'excel' }).waitFor();

    await page.goto('/notifications');
    const mention = page.locator('li.notification', { hasText: 'mentioned you in' });
    expect(await mention.getAttribute('data-unread')).toBe('true');
    expect(await mention.getByRole('link').getAttribute('href')).toMatch(
      /^\/sujets\/\d+#post-\d+$/,
    );
    await page.getByRole('button', { name: 'Mark all as read' }).click();
    await page.getByText('0 unread notifications').waitFor();
    expect(await mention.getAttribute('data-unread')).toBe('false');
    expect(await page.locator('li.notification.unread').count()).toBe(0);
  });

  it('keeps typed values next to a field error, and marks one as read, without JavaScript', async () => {
    const context = await e2e.newContext({ javaScriptEnabled: false });
    const me = await registerThrough(context.request);
    await mentionBy(me.handle);
    const page = await context.newPage();

    await page.goto('/profil');
    await page.getByLabel('Fonction').fill('Technicien');
    await page.getByLabel('Minutes par semaine consacrées à l’entraide').fill('beaucoup');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Indiquez un nombre entier de 0 à 2400.').waitFor();
    const minutes = page.getByLabel('Minutes par semaine consacrées à l’entraide');
    expect(await minutes.getAttribute('aria-invalid')).toBe('true');
    expect(await minutes.inputValue()).toBe('beaucoup');
    expect(await page.getByLabel('Fonction').inputValue()).toBe('Technicien');

    await page.goto('/notifications');
    const mention = page.locator('li.notification', { hasText: 'vous a mentionné·e' });
    expect(await mention.getAttribute('data-unread')).toBe('true');
    await mention.getByRole('button', { name: /^Marquer comme lu/ }).click();
    await page.getByText('0 notification non lue').waitFor();
    expect(
      await page
        .locator('li.notification', { hasText: 'vous a mentionné·e' })
        .getAttribute('data-unread'),
    ).toBe('false');
  });

  it('shows a 404 page for an unknown member', async () => {
    const context = await e2e.newContext();
    await registerThrough(context.request);
    const page = await context.newPage();
    const response = await page.goto('/membres/personne-inconnue');
    expect(response?.status()).toBe(404);
    await page.getByText('Cette personne est introuvable.').waitFor();
  });

  it('has no serious axe violation on the notifications, profile and member pages', async () => {
    const context = await e2e.newContext();
    const me = await registerThrough(context.request);
    const colleague = await mentionBy(me.handle);
    const page = await context.newPage();
    await expectNoSeriousViolation(page, '/notifications');
    // The colleague's profile lists an answer; mine is mostly empty.
    await expectNoSeriousViolation(page, `/membres/${colleague}`);
    await expectNoSeriousViolation(page, '/profil');
    await expectNoSeriousViolation(page, `/membres/${me.handle}`);
  });
});
