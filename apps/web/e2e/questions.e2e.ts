// End-to-end tests of the question flow in headless Chromium, with and without JavaScript: join a
// group, ask a tagged question (with a field error first), a colleague answers, the asker upvotes,
// accepts and thanks; both then see the score and the badge. Also axe-core and screenshots of the
// group, ask and thread pages at desktop and phone widths.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
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

interface Visited {
  groupPath: string;
  askPath: string;
  threadPath: string;
  page: Page;
}

describe.skipIf(!chromiumPath)('questions and answers in Chromium', () => {
  const e2e = useBrowserSite(chromiumPath);
  let visited: Visited | null = null;

  const register = (page: Page) => registerThroughPage(page, newPerson('asker', 'Dominique Leroy'));

  /** A public group made through the API by its owner (any member may create one). */
  async function createGroup(slug: string, name: string): Promise<void> {
    const context = await e2e.newApiContext();
    const csrfToken = await registerThroughApi(
      context.request,
      newPerson('asker', 'Dominique Leroy'),
    );
    const created = await context.request.post('/api/groups', {
      headers: { 'x-csrf-token': csrfToken },
      data: { slug, name, kind: 'professional', description: `Le groupe ${name}.` },
    });
    expect(created.status()).toBe(201);
  }

  for (const javaScriptEnabled of [true, false]) {
    const mode = javaScriptEnabled ? 'with JavaScript' : 'without JavaScript';

    it(`asks, answers, votes, accepts and thanks ${mode}`, async () => {
      const slug = `methodes-${javaScriptEnabled ? 'js' : 'html'}`;
      const groupName = `Méthodes ${javaScriptEnabled ? 'JS' : 'HTML'}`;
      await createGroup(slug, groupName);

      // A joins from the directory, then asks from the group page.
      const asker = await e2e.newPage({ javaScriptEnabled });
      await register(asker);
      await asker.goto('/groupes');
      await asker
        .getByRole('listitem')
        .filter({ hasText: groupName })
        .getByRole('button', { name: 'Rejoindre' })
        .click();
      await asker.getByRole('status').getByText(`Vous avez rejoint ${groupName}.`).waitFor();
      await asker.goto(`/groupes/${slug}`);
      await Promise.all([
        asker.waitForURL(`${e2e.site.baseUrl}/groupes/${slug}/nouveau`),
        asker.getByRole('link', { name: 'Poser une question' }).first().click(),
      ]);
      expect(await asker.getByLabel('Question', { exact: true }).isChecked()).toBe(true);
      await asker.getByLabel('Titre').fill('Court');
      await asker.getByLabel('Détails').fill('Quels **outils** utilisez-vous pour vos revues ?');
      await asker.getByLabel('Étiquettes').fill('Revue de code, Qualité');
      await asker.getByRole('button', { name: 'Publier' }).click();
      await asker.getByText('Le titre doit compter de 8 à 200 caractères.').waitFor();
      expect(await asker.getByLabel('Titre').getAttribute('aria-invalid')).toBe('true');
      expect(await asker.getByLabel('Étiquettes').inputValue()).toBe('Revue de code, Qualité');
      expect(await asker.getByLabel('Détails').inputValue()).toContain('**outils**');

      const title = `Comment organiser une revue de code ? (${mode})`;
      await asker.getByLabel('Titre').fill(title);
      await Promise.all([
        asker.waitForURL(/\/sujets\/\d+$/),
        asker.getByRole('button', { name: 'Publier' }).click(),
      ]);
      const threadPath = new URL(asker.url()).pathname;
      expect(await asker.getByRole('heading', { level: 1 }).textContent()).toBe(title);
      await asker.getByRole('link', { name: 'revue-de-code' }).waitFor();
      await asker.getByRole('link', { name: 'qualite' }).waitFor();
      expect(await asker.locator('.body strong').textContent()).toBe('outils');

      // B joins from the group page and answers.
      const answerer = await e2e.newPage({ javaScriptEnabled });
      await register(answerer);
      await answerer.goto(`/groupes/${slug}`);
      await answerer.getByRole('button', { name: `Rejoindre ${groupName}` }).click();
      await answerer.getByRole('button', { name: 'Quitter le groupe' }).waitFor();
      await answerer.goto(threadPath);
      const answerText = `Une liste de contrôle partagée, ${mode}.`;
      await answerer.getByRole('button', { name: 'Publier ma réponse' }).click();
      await answerer.getByText('Écrivez votre message avant de publier.').waitFor();
      await answerer.getByLabel('Réponse', { exact: true }).fill(answerText);
      await answerer.getByRole('button', { name: 'Publier ma réponse' }).click();
      await answerer.locator('article.post', { hasText: answerText }).waitFor();

      // A upvotes, accepts and thanks.
      await asker.reload();
      const answer = asker.locator('article.post', { hasText: answerText });
      await answer.getByRole('button', { name: 'Voter pour cette réponse' }).click();
      await answer
        .getByRole('button', { name: 'Voter pour cette réponse', pressed: true })
        .waitFor();
      expect(await answer.locator('.score-value').textContent()).toBe('1');
      await answer.getByRole('button', { name: 'Accepter cette réponse' }).click();
      await answer.getByText('Acceptée', { exact: true }).waitFor();
      await asker.getByLabel('4 sur 5').check();
      await asker.getByRole('button', { name: 'Envoyer mes remerciements' }).click();
      await asker.getByText('Vous avez remercié avec la note 4 sur 5.').waitFor();

      for (const page of [asker, answerer]) {
        await page.goto(threadPath);
        const seen = page.locator('article.post', { hasText: answerText });
        expect(await seen.locator('.score-value').textContent()).toBe('1');
        expect(await seen.getByText('Acceptée', { exact: true }).count()).toBe(1);
      }
      if (javaScriptEnabled) {
        visited = {
          groupPath: `/groupes/${slug}`,
          askPath: `/groupes/${slug}/nouveau`,
          threadPath,
          page: asker,
        };
      }
    });
  }

  it('shows a 404 page for an unknown group, and sends visitors to sign in', async () => {
    const visitor = await e2e.newPage();
    await visitor.goto('/groupes/groupe-inexistant');
    expect(new URL(visitor.url()).pathname).toBe('/connexion');
    const page = await e2e.newPage();
    await register(page);
    const response = await page.goto('/groupes/groupe-inexistant');
    expect(response?.status()).toBe(404);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Page introuvable');
    expect((await page.goto('/sujets/999999'))?.status()).toBe(404);
  });

  it('has no serious axe violation on group, ask and thread pages; screenshots', async () => {
    expect(visited, 'the flow with JavaScript ran first').not.toBeNull();
    const { page, ...pathsByName } = visited!;
    mkdirSync(screenshotDir, { recursive: true });
    const pages = [
      ['group', pathsByName.groupPath],
      ['ask', pathsByName.askPath],
      ['thread', pathsByName.threadPath],
    ] as const;
    for (const [name, path] of pages) {
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
