// End-to-end harness: finds Debian's chromium (never downloads a browser), builds the web app when
// its build is missing or older than its sources, starts the real one-process server (web + API) on
// a free port with a throwaway database, and runs axe-core in pages.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  chromium,
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { createTestDatabase } from '../../../packages/db/src/testing.ts';

const webDir = fileURLToPath(new URL('..', import.meta.url));
const rootDir = join(webDir, '..', '..');
export const screenshotDir = join(webDir, 'e2e', 'screenshots');

/** The system's chromium (CHROMIUM_PATH overrides), or null (said once) when there is none. */
export function findChromium(): string | null {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  for (const name of ['chromium', 'chromium-browser']) {
    const found = spawnSync('which', [name], { encoding: 'utf8' });
    if (found.status === 0 && found.stdout.trim()) return found.stdout.trim();
  }
  console.warn('browser tests skipped: no chromium on PATH (apt-get install chromium)');
  return null;
}

/**
 * Sites with the demo company run embedded only (the API seeds it in embedded mode alone, never
 * into a server database): with DATABASE_URL (CI's second pass) their tests already ran in the
 * PGlite pass, and say so instead of running again.
 */
export function demoSiteSkipped(): boolean {
  if (!process.env.DATABASE_URL) return false;
  console.warn('demo-site browser tests skipped: the demo company is embedded-only (PGlite pass)');
  return true;
}

export function launchBrowser(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds apps/web unless build/handler.js is newer than every source file. */
export function ensureWebBuild(): void {
  const handler = join(webDir, 'build', 'handler.js');
  const sources = Math.max(newestMtime(join(webDir, 'src')), newestMtime(join(webDir, 'static')));
  if (existsSync(handler) && statSync(handler).mtimeMs > sources) return;
  const vite = join(webDir, 'node_modules', '.bin', 'vite');
  // vitest sets NODE_ENV=test, which a child vite inherits and then compiles Svelte in dev mode
  // (checks on every element, about three times slower pages): the build must be production's.
  const built = spawnSync(vite, ['build', '--logLevel', 'warn'], {
    cwd: webDir,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (built.status !== 0) throw new Error('vite build failed');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface RunningSite {
  baseUrl: string;
  stop(): Promise<void>;
}

/** Resolves once the server logs that it listens; rejects if it exits first. */
function waitUntilListening(child: ChildProcess, output: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output.push(chunk.toString());
      if (chunk.toString().includes('listening at')) resolve();
    });
    child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.once('exit', (code) =>
      reject(new Error(`server exited (${code}) before listening:\n${output.join('')}`)),
    );
  });
}

/** The site's administrator (ADMIN_EMAILS), registered by startSite. */
export const siteAdmin = {
  email: 'admin@e2e.example.test',
  password: 'the e2e admin password',
  handle: 'e2e-admin',
  displayName: 'Admin E2E',
};

export interface SiteOptions {
  /** Seed the demo company (its charter, rules, moderators and admin, its own settings). */
  seedDemo?: boolean;
  /**
   * Without the demo: how many posts of a new member a moderator reviews first (the site's
   * setting, 3 by default). The Q&A flows turn it off (0, the default here): they are about
   * asking and answering, and the moderation e2e test covers held posts on the demo site.
   */
  premoderatedPosts?: number;
  /** Settings for the server's environment only (e.g. a lower SEARCH_BROAD_MATCHES). */
  env?: Record<string, string>;
}

/**
 * The real `npm start` server (API + built web app), on PGlite in a temporary directory: the demo
 * company, or an empty site with its administrator registered and the moderation settings applied.
 */
export async function startSite(options: SiteOptions = {}): Promise<RunningSite> {
  ensureWebBuild();
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'serendip-e2e-'));
  // With DATABASE_URL, the site runs like production: on a fresh database of that server.
  const database =
    process.env.DATABASE_URL && !options.seedDemo ? await createTestDatabase() : null;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    SEED_DEMO: options.seedDemo ? 'auto' : 'never',
    ADMIN_EMAILS: siteAdmin.email,
    LOG_LEVEL: 'info',
    // Every test registers people from the same address.
    REGISTER_RATE_LIMIT: '1000',
    LOGIN_RATE_LIMIT: '1000',
    ...options.env,
  };
  if (database) env.DATABASE_URL = database.url;
  else delete env.DATABASE_URL;
  delete env.API_URL;
  delete env.ORIGIN;
  const tsx = join(rootDir, 'node_modules', '.bin', 'tsx');
  const child = spawn(tsx, [join(rootDir, 'apps', 'api', 'src', 'server.ts')], {
    cwd: rootDir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  await waitUntilListening(child, output);
  const baseUrl = `http://127.0.0.1:${port}`;
  const ready = await fetch(`${baseUrl}/ready`);
  if (!ready.ok) throw new Error(`/ready answered ${ready.status}`);
  if (!options.seedDemo) await applyModerationSettings(baseUrl, options.premoderatedPosts ?? 0);
  return {
    baseUrl,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      await database?.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Registers the administrator and sets the moderation settings through the API, like a person. */
async function applyModerationSettings(baseUrl: string, premoderatedPosts: number): Promise<void> {
  const registered = await fetch(`${baseUrl}/api/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(siteAdmin),
  });
  if (registered.status !== 201) throw new Error(`admin registration: ${registered.status}`);
  const { csrfToken } = (await registered.json()) as { csrfToken: string };
  const cookie = String(registered.headers.get('set-cookie')).split(';')[0]!;
  const settings = await fetch(`${baseUrl}/api/mod/settings`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ premoderatedPosts, flagHideThreshold: 3 }),
  });
  if (!settings.ok) throw new Error(`moderation settings: ${settings.status}`);
}

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/** axe-core's serious and critical violations on the current page (WCAG 2.1 A/AA and best practice). */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<unknown> } })
      .axe;
    const results = (await axe.run(document, {
      runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
    })) as { violations: AxeViolation[] };
    return results.violations;
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** The password of every person the e2e tests register. */
export const PERSON_PASSWORD = 'correct-horse-battery';

export interface NewPerson {
  displayName: string;
  handle: string;
  email: string;
}

let peopleMade = 0;

/**
 * A person not registered yet, unique on the site: `prefix` names the test file in the handle,
 * `name` is the display name before the person's number (vitest loads this module once per file).
 */
export function newPerson(prefix: string, name = 'Camille Martin'): NewPerson {
  peopleMade += 1;
  const handle = `${prefix}${Date.now().toString(36)}${peopleMade}`;
  return { displayName: `${name} ${peopleMade}`, handle, email: `${handle}@example.com` };
}

/** Registers through the /inscription form and waits for the home page, signed in. */
export async function registerThroughPage(page: Page, person: NewPerson): Promise<NewPerson> {
  await page.goto('/inscription');
  await page.getByLabel('Nom affiché').fill(person.displayName);
  await page.getByLabel('Identifiant').fill(person.handle);
  await page.getByLabel('Adresse e-mail').fill(person.email);
  await page.getByLabel('Mot de passe').fill(PERSON_PASSWORD);
  const home = new URL('/', page.url()).href;
  await Promise.all([
    page.waitForURL(home),
    page.getByRole('button', { name: 'Créer mon compte' }).click(),
  ]);
  return person;
}

/**
 * Registers through the API (set-up only); the request's cookie jar then holds the session.
 * Returns the session's CSRF token.
 */
export async function registerThroughApi(
  request: APIRequestContext,
  person: NewPerson,
  extra: Record<string, unknown> = {},
): Promise<string> {
  const registered = await request.post('/api/auth/register', {
    data: { ...person, password: PERSON_PASSWORD, ...extra },
  });
  expect(registered.status()).toBe(201);
  return ((await registered.json()) as { csrfToken: string }).csrfToken;
}

export interface BrowserSite {
  readonly site: RunningSite;
  readonly browser: Browser;
  /** A French browser context on the site (options override), closed after the file. */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
  /** A page in a new context from newContext(options). */
  newPage(options?: BrowserContextOptions): Promise<Page>;
  /** A context for set-up through the API: the site's base URL only, closed after the file. */
  newApiContext(): Promise<BrowserContext>;
}

export interface BrowserSiteOptions extends SiteOptions {
  /** How long starting the site and the browser may take (the demo seed is slow). */
  startTimeoutMs?: number;
}

/**
 * Call in a describe: starts the site and Chromium before its tests (beforeAll) and closes every
 * context made through it, the browser and the site after them (afterAll).
 */
export function useBrowserSite(
  executablePath: string | null,
  options: BrowserSiteOptions = {},
): BrowserSite {
  const { startTimeoutMs, ...siteOptions } = options;
  let site: RunningSite | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    if (!executablePath) throw new Error('no chromium: skip the describe with findChromium()');
    site = await startSite(siteOptions);
    browser = await launchBrowser(executablePath);
  }, startTimeoutMs);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await site?.stop();
  });

  function running(): { site: RunningSite; browser: Browser } {
    if (!site || !browser) throw new Error('the site and the browser start in beforeAll');
    return { site, browser };
  }

  async function newContext(contextOptions: BrowserContextOptions = {}) {
    const { site, browser } = running();
    const context = await browser.newContext({
      baseURL: site.baseUrl,
      locale: 'fr-FR',
      ...contextOptions,
    });
    contexts.push(context);
    return context;
  }

  return {
    get site() {
      return running().site;
    },
    get browser() {
      return running().browser;
    },
    newContext,
    async newPage(contextOptions = {}) {
      return (await newContext(contextOptions)).newPage();
    },
    async newApiContext() {
      const { site, browser } = running();
      const context = await browser.newContext({ baseURL: site.baseUrl });
      contexts.push(context);
      return context;
    },
  };
}
