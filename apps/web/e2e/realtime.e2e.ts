// Live updates in headless Chromium: two people read the same thread; one answers, and the other
// sees the answer appear without reloading (the page is never navigated), and the asker's
// notification count moves with a toast. A group's moderator sees a new flag enter the queue.
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { findChromium, newPerson, registerThroughApi, useBrowserSite } from './harness.ts';

const chromiumPath = findChromium();

describe.skipIf(!chromiumPath)('live thread in Chromium', () => {
  const e2e = useBrowserSite(chromiumPath);

  /** A signed-in browser context (registered through the API, which sets its cookie). */
  async function signedIn(): Promise<{ context: BrowserContext; csrfToken: string }> {
    const context = await e2e.newContext();
    const csrfToken = await registerThroughApi(context.request, newPerson('live'));
    return { context, csrfToken };
  }

  /** Resolves once the page's socket confirms a subscription to `topic`. */
  function subscribedTo(page: Page, topic: string): Promise<void> {
    return new Promise((resolve) => {
      page.on('websocket', (socket) => {
        socket.on('framereceived', ({ payload }) => {
          const text = String(payload);
          if (text.includes('"type":"subscribed"') && text.includes(`"${topic}"`)) resolve();
        });
      });
    });
  }

  it('shows a colleague’s answer and the notification without reloading', async () => {
    const asker = await signedIn();
    const created = await asker.context.request.post('/api/groups', {
      headers: { 'x-csrf-token': asker.csrfToken },
      data: { slug: 'direct', name: 'En direct', kind: 'professional', description: 'Live.' },
    });
    expect(created.status()).toBe(201);
    const asked = await asker.context.request.post('/api/groups/direct/threads', {
      headers: { 'x-csrf-token': asker.csrfToken },
      data: {
        kind: 'question',
        title: 'Qui relit les demandes de fusion le vendredi ?',
        body: 'Nous cherchons une organisation qui tienne dans la durée.',
        tags: ['revue'],
      },
    });
    expect(asked.status()).toBe(201);
    const { thread } = (await asked.json()) as { thread: { id: number } };
    const threadPath = `/sujets/${thread.id}`;

    const reader = await asker.context.newPage();
    const listening = subscribedTo(reader, `thread:${thread.id}`);
    await reader.goto(threadPath);
    await listening;
    await reader.evaluate(() => {
      (window as unknown as { notReloaded: boolean }).notReloaded = true;
    });

    const answerer = await (await signedIn()).context.newPage();
    await answerer.goto(threadPath);
    const answer = 'Une rotation hebdomadaire, affichée dans le canal de l’équipe.';
    await answerer.getByRole('textbox', { name: 'Réponse' }).fill(answer);
    await answerer.getByRole('button', { name: 'Publier ma réponse' }).click();

    await reader.getByText(answer).waitFor({ timeout: 15_000 });
    // The question's body came with the page's markup (its hydration data only points at it) and
    // is shown once, from the fresh data, after the live update.
    const question = reader.locator('article.post .body', {
      hasText: 'Nous cherchons une organisation qui tienne dans la durée.',
    });
    expect(await question.count()).toBe(1);
    expect((await question.textContent())?.trim()).toBe(
      'Nous cherchons une organisation qui tienne dans la durée.',
    );
    await reader.getByRole('link', { name: 'Nouvelle notification' }).waitFor();
    expect(await reader.locator('nav .badge [aria-hidden="true"]').textContent()).toBe('1');
    expect(
      await reader.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded),
    ).toBe(true);
  });

  it('puts a new flag in the group moderator’s open queue without reloading', async () => {
    const owner = await signedIn();
    const post = async (who: typeof owner, path: string, data: object) => {
      const response = await who.context.request.post(path, {
        headers: { 'x-csrf-token': who.csrfToken },
        data,
      });
      expect(response.status()).toBeLessThan(300);
      return (await response.json()) as { id: number; thread?: { id: number } };
    };
    const group = await post(owner, '/api/groups', {
      slug: 'vigie',
      name: 'Vigie',
      kind: 'professional',
      description: 'Moderated live.',
    });
    const { thread } = await post(owner, '/api/groups/vigie/threads', {
      kind: 'discussion',
      title: 'Le ton de nos revues de code',
      body: 'Comment garder des échanges courtois ?',
      tags: ['revue'],
    });
    const member = await signedIn();
    const written = await post(member, `/api/threads/${thread!.id}/posts`, {
      body: 'Une remarque volontairement blessante.',
    });

    const queue = await owner.context.newPage();
    const listening = subscribedTo(queue, `moderation:${group.id}`);
    await queue.goto('/mod');
    await listening;
    await queue.getByText('Rien à examiner.').waitFor();

    const flagger = await signedIn();
    await post(flagger, `/api/posts/${written.id}/flags`, { clause: 1, note: 'blessant' });
    await queue.getByRole('link', { name: /Le ton de nos revues de code/ }).waitFor({
      timeout: 15_000,
    });
    await queue.getByRole('status').filter({ hasText: 'La file d’attente a changé.' }).waitFor();
  });
});
