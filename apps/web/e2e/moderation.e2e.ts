// End-to-end moderation in Chromium, on a site seeded with the demo company (its charter, and two
// site moderators, through the seed rather than SQL): a new member's answer is refused until the
// charter is accepted (with a link to it), then held; a moderator approves it and it appears; three
// members flag it (one through the page's clause chooser) and it is hidden at the threshold; the
// moderator rejects it citing a clause; the author sees why and appeals; ANOTHER moderator
// reinstates it. axe-core on every moderation page; a plain member gets 403 on /mod.
import type { APIRequestContext, BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  demoSiteSkipped,
  findChromium,
  newPerson,
  registerThroughApi,
  seriousViolations,
  useBrowserSite,
} from './harness.ts';

const chromiumPath = findChromium();
const DEMO_PASSWORD = 'serendip-demo';
const GROUP = 'gestion-de-projet';

interface Person {
  context: BrowserContext;
  page: Page;
  csrfToken: string;
  displayName: string;
}

describe.skipIf(!chromiumPath || demoSiteSkipped())('moderation in Chromium', () => {
  const e2e = useBrowserSite(chromiumPath, { seedDemo: true, startTimeoutMs: 300_000 });

  /** A new member, registered and in the demo group through the API; pages share the session. */
  async function newMember(): Promise<Person> {
    const person = newPerson('membre');
    const created = await e2e.newContext();
    const csrfToken = await registerThroughApi(created.request, person);
    const joined = await created.request.post(`/api/groups/${GROUP}/join`, {
      headers: { 'x-csrf-token': csrfToken },
    });
    expect(joined.ok()).toBe(true);
    return {
      context: created,
      page: await created.newPage(),
      csrfToken,
      displayName: person.displayName,
    };
  }

  async function demoModerator(handle: string): Promise<Person> {
    const created = await e2e.newContext();
    const signedIn = await created.request.post('/api/auth/login', {
      data: { email: `${handle}@boreal.example`, password: DEMO_PASSWORD },
    });
    expect(signedIn.status()).toBe(200);
    const { csrfToken } = (await signedIn.json()) as { csrfToken: string };
    return { context: created, page: await created.newPage(), csrfToken, displayName: handle };
  }

  async function acceptCharter(request: APIRequestContext, csrfToken: string): Promise<void> {
    const charter = (await (await request.get('/api/charter')).json()) as { version: number };
    const accepted = await request.post('/api/charter/accept', {
      headers: { 'x-csrf-token': csrfToken },
      data: { version: charter.version },
    });
    expect(accepted.status()).toBe(200);
  }

  async function expectAccessible(page: Page, path: string): Promise<void> {
    await page.goto(path);
    const violations = await seriousViolations(page);
    expect(
      violations.map((v) => `${path}: ${v.id} ${v.help}`),
      `serious axe violations on ${path}`,
    ).toEqual([]);
  }

  it('holds, approves, hides at the flag threshold, rejects, appeals and reinstates', async () => {
    const first = await demoModerator('olivier.caron');
    const second = await demoModerator('julie.morel');

    // A thread by a trusted moderator, published at once.
    const created = await first.context.request.post(`/api/groups/${GROUP}/threads`, {
      headers: { 'x-csrf-token': first.csrfToken },
      data: {
        kind: 'question',
        title: 'Comment préparer un comité de pilotage ?',
        body: 'Quels documents apportez-vous à un comité de pilotage ?',
        tags: ['pilotage'],
      },
    });
    expect(created.status()).toBe(201);
    const threadPath = `/sujets/${((await created.json()) as { thread: { id: number } }).thread.id}`;

    // The new member answers: refused until the charter is accepted, with a link to it.
    const author = await newMember();
    const answerText = 'Un tableau des risques et un planning à jour, tout simplement.';
    await author.page.goto(threadPath);
    await author.page.getByLabel('Réponse', { exact: true }).fill(answerText);
    await author.page.getByRole('button', { name: 'Publier ma réponse' }).click();
    await author.page
      .getByText('Lisez et acceptez la charte avant de publier.')
      .waitFor({ timeout: 10_000 })
      .catch(async (error: unknown) => {
        throw new Error(`${String(error)}\n${await author.page.locator('main').innerText()}`);
      });
    await Promise.all([
      author.page.waitForURL(`${e2e.site.baseUrl}/charte`),
      author.page.getByRole('link', { name: 'Lire et accepter la charte' }).click(),
    ]);
    await author.page.getByText('Article 1 : Respecter les personnes', { exact: false }).waitFor();
    await author.page.getByRole('button', { name: 'J’accepte la charte' }).click();
    await author.page.getByText('Merci : vous pouvez maintenant publier.').waitFor();

    // Now it is held for review (a new member's first posts are pre-moderated).
    await author.page.goto(threadPath);
    await author.page.getByLabel('Réponse', { exact: true }).fill(answerText);
    await author.page.getByRole('button', { name: 'Publier ma réponse' }).click();
    const authorsAnswer = author.page.locator('article.post', { hasText: answerText });
    await authorsAnswer.getByText('En attente de modération').waitFor();
    const reader = await newMember();
    await acceptCharter(reader.context.request, reader.csrfToken);
    await reader.page.goto(threadPath);
    expect(await reader.page.locator('article.post', { hasText: answerText }).count()).toBe(0);

    // The first moderator finds it in the queue (filtered to new members) and approves it.
    const mod = first.page;
    await mod.goto('/mod?motif=trust');
    await Promise.all([
      mod.waitForURL(/\/mod\/file\/\d+$/),
      mod
        .getByRole('link', { name: /Message retenu · Comment préparer un comité/ })
        .first()
        .click(),
    ]);
    await mod.getByText(answerText).first().waitFor();
    await mod.getByRole('button', { name: 'Prendre en charge' }).click();
    await mod.getByText('Vous traitez cet élément.').waitFor();
    await mod.getByLabel('approuvé').check();
    await mod.getByRole('button', { name: 'Enregistrer la décision' }).click();
    await mod.getByText('Décision enregistrée.').waitFor();
    await reader.page.goto(threadPath);
    await reader.page.locator('article.post', { hasText: answerText }).waitFor();

    // Flags: one through the page's clause chooser, two through the API; the third hides it.
    const answerOnReaderPage = reader.page.locator('li', {
      has: reader.page.locator('article.post', { hasText: answerText }),
    });
    await answerOnReaderPage.getByText('Signaler', { exact: true }).click();
    await answerOnReaderPage
      .getByLabel('Article 1 : Respecter les personnes', { exact: false })
      .check();
    await answerOnReaderPage.getByRole('button', { name: 'Envoyer le signalement' }).click();
    await reader.page.getByText('Merci : votre signalement a été transmis').waitFor();
    const answerId = Number(
      (
        await reader.page.locator('article.post', { hasText: answerText }).getAttribute('id')
      )?.replace('post-', ''),
    );
    expect(answerId).toBeGreaterThan(0);
    let hidden = false;
    for (let flagger = 0; flagger < 2; flagger += 1) {
      const member = await newMember();
      await acceptCharter(member.context.request, member.csrfToken);
      const flagged = await member.context.request.post(`/api/posts/${answerId}/flags`, {
        headers: { 'x-csrf-token': member.csrfToken },
        data: { clause: 1 },
      });
      expect(flagged.status()).toBe(200);
      hidden = ((await flagged.json()) as { hidden: boolean }).hidden;
    }
    expect(hidden, 'hidden at the demo threshold of three flags').toBe(true);
    await reader.page.goto(threadPath);
    expect(await reader.page.locator('article.post', { hasText: answerText }).count()).toBe(0);

    // The first moderator rejects it, citing clause 1.
    await mod.goto('/mod?motif=flag');
    await Promise.all([
      mod.waitForURL(/\/mod\/file\/\d+$/),
      mod
        .getByRole('link', { name: /Message signalé · Comment préparer un comité/ })
        .first()
        .click(),
    ]);
    await mod.getByRole('button', { name: 'Prendre en charge' }).click();
    await mod.getByText('Vous traitez cet élément.').waitFor();
    await mod.getByLabel('refusé').check();
    await mod.getByLabel('Article de la charte').selectOption('1');
    await mod.getByLabel('Message à l’auteur').fill('Le ton est blessant pour les collègues.');
    await mod.getByRole('button', { name: 'Enregistrer la décision' }).click();
    await mod.getByText('Décision enregistrée.').waitFor();
    const itemPath = new URL(mod.url()).pathname;

    // The author sees why, and appeals once.
    await author.page.goto(threadPath);
    // The notice under the author's own post says it was rejected and links to why.
    await author.page.getByRole('note').filter({ hasText: 'Refusé' }).waitFor();
    await Promise.all([
      author.page.waitForURL(/\/ma-moderation/),
      author.page.getByRole('link', { name: 'Pourquoi ?' }).click(),
    ]);
    const decision = author.page.locator(`#decision-${answerId}`);
    await decision.getByText('Décision : refusé').waitFor();
    await decision.getByText('Article 1 de la charte').waitFor();
    await decision.getByText('Le ton est blessant pour les collègues.', { exact: false }).waitFor();
    await decision.getByText('Faire appel').click();
    await decision
      .getByLabel('Votre message aux modérateurs')
      .fill('Je ne visais personne ; je peux reformuler.');
    await decision.getByRole('button', { name: 'Envoyer mon recours' }).click();
    await author.page.getByText('Votre recours a été envoyé').waitFor();
    expect(
      await author.page.locator(`#decision-${answerId}`).getByText('Faire appel').count(),
    ).toBe(0);

    // The moderator who decided may not rule on the appeal; another one reinstates the post.
    await mod.goto('/mod/recours');
    const firstsAppeal = mod.locator('article', { hasText: 'Je ne visais personne' });
    await firstsAppeal.getByLabel('Annuler la décision (rétablir)').check();
    await firstsAppeal.getByRole('button', { name: 'Trancher' }).click();
    await mod.getByText('Un autre modérateur doit examiner ce recours.').waitFor();

    await second.page.goto('/mod/recours');
    const appeal = second.page.locator('article', { hasText: 'Je ne visais personne' });
    await appeal.getByLabel('Annuler la décision (rétablir)').check();
    await appeal.getByLabel('Réponse à la personne').fill('Rétabli après relecture.');
    await appeal.getByRole('button', { name: 'Trancher' }).click();
    await second.page.getByText('Recours tranché.').waitFor();

    await reader.page.goto(threadPath);
    await reader.page.locator('article.post', { hasText: answerText }).waitFor();
    await author.page.goto('/ma-moderation');
    await author.page.getByText('décision annulée', { exact: false }).waitFor();

    // Every moderation page passes axe-core (no serious or critical violation).
    for (const path of [
      '/mod',
      '/mod/recours',
      '/mod/journal',
      '/mod/regles',
      '/mod/charte',
      '/mod/sante',
      '/charte',
    ]) {
      await expectAccessible(second.page, path);
    }
    // The journal names who acted and what on, with a link to it.
    await second.page.goto('/mod/journal');
    const acted = second.page.getByRole('link', {
      name: 'Comment préparer un comité de pilotage ?',
    });
    expect(await acted.first().getAttribute('href')).toMatch(/^\/sujets\/\d+#post-\d+$/);
    await expectAccessible(first.page, itemPath);
    await expectAccessible(first.page, '/mod?motif=flag');
    await expectAccessible(author.page, '/ma-moderation');
    await expectAccessible(author.page, threadPath);

    // A plain member may not see the queue.
    expect((await reader.page.goto('/mod'))?.status()).toBe(403);
  }, 240_000);
});
