/**
 * Shared helpers for the browser end-to-end tests: a headless Debian Chromium driven by
 * playwright-core, signed in to the portal at BASE_URL as the guest user.
 *
 * A new flow is a `*.test.ts` file next to this one:
 *
 *   const portal = await Portal.signedIn();
 *   await portal.open('/clusters');
 *   await expect heading...; await portal.screenshot('clusters');
 *   await portal.close();
 */
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  chromium,
  type Browser,
  type Locator,
  type Page,
} from 'playwright-core';

/** The portal under test; scripts/e2e.sh starts it and sets this. */
export const BASE_URL = (
  process.env.BASE_URL ?? 'http://localhost:7007'
).replace(/\/$/, '');

/** The repository root (packages/e2e/src/../../..). */
export const REPO_ROOT = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../..',
);

/** Where screenshots go; git-ignored. */
export const SCREENSHOT_DIR = join(REPO_ROOT, 'e2e-screenshots');

/** How long a user-visible element may take to appear (first loads compile nothing, but the
 * catalog ingests its entities in the background after start-up). */
export const UI_TIMEOUT = 30_000;

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Waits until a user can see `locator` (its first match) and fails with a sentence naming
 * `what` otherwise. playwright-core has no `expect`; this is the one assertion most flows need.
 */
export async function expectVisible(
  locator: Locator,
  what: string,
): Promise<void> {
  try {
    await locator.first().waitFor({ state: 'visible' });
  } catch {
    throw new Error(
      `Expected to see ${what} (${locator}), but it did not appear within ${
        UI_TIMEOUT / 1000
      }s`,
    );
  }
}

export class Portal {
  /** Uncaught exceptions thrown by the page, for diagnostics. */
  readonly pageErrors: string[] = [];

  private constructor(private readonly browser: Browser, readonly page: Page) {
    page.setDefaultTimeout(UI_TIMEOUT);
    page.on('pageerror', error => this.pageErrors.push(String(error)));
  }

  /** Launches Chromium with a fresh profile, showing the sign-in page. */
  static async launch(): Promise<Portal> {
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    });
    try {
      const context = await browser.newContext({
        viewport: { width: 1440, height: 1000 },
        baseURL: BASE_URL,
      });
      const portal = new Portal(browser, await context.newPage());
      await portal.page.goto('/');
      return portal;
    } catch (error) {
      await browser.close();
      throw error;
    }
  }

  /** Launches Chromium and signs in as the guest user. */
  static async signedIn(): Promise<Portal> {
    const portal = await Portal.launch();
    try {
      await portal.signInAsGuest();
      return portal;
    } catch (error) {
      await portal.screenshot('sign-in-failed').catch(() => {});
      await portal.close();
      throw error;
    }
  }

  /** Chooses the guest provider on the sign-in page and waits for the portal's sidebar. */
  async signInAsGuest(): Promise<void> {
    await this.guestProvider().getByRole('button', { name: 'Enter' }).click();
    try {
      await this.waitForSidebar();
    } catch (error) {
      // Say what the user sees, e.g. the auth backend refusing guests outside development.
      const alerts = await this.page.getByRole('alert').allInnerTexts();
      throw new Error(
        `Signing in as guest did not open the portal${
          alerts.length ? `; the page says: ${alerts.join(' | ')}` : ''
        } (${error})`,
      );
    }
  }

  /** The guest provider's card on the sign-in page. */
  guestProvider(): Locator {
    return this.page.getByRole('listitem').filter({ hasText: 'Guest' });
  }

  /** The portal's navigation sidebar. */
  sidebar(): Locator {
    return this.page.getByRole('navigation', { name: 'sidebar nav' });
  }

  /** Waits until the sidebar shows its entries (the <nav> itself has no box of its own). */
  async waitForSidebar(): Promise<void> {
    await this.sidebar().getByRole('link').first().waitFor();
  }

  /** A link in the sidebar, by its visible text. */
  sidebarLink(name: string | RegExp): Locator {
    return this.sidebar().getByRole('link', { name });
  }

  /** Navigates inside the single-page app, as a user following a link would. */
  async open(path: string): Promise<void> {
    await this.page.goto(path);
    await this.waitForSidebar();
  }

  /** A heading on the page, e.g. a plugin page's title. */
  heading(name: string | RegExp): Locator {
    return this.page.getByRole('heading', { name });
  }

  /** Waits (up to UI_TIMEOUT, without failing) until no progress indicator is showing. */
  async settle(): Promise<void> {
    await this.page
      .getByRole('progressbar')
      .first()
      .waitFor({ state: 'hidden' })
      .catch(() => {});
  }

  /**
   * Saves what the browser window shows as e2e-screenshots/<name>.png once the page has
   * settled. `fullPage` captures the whole scrollable page instead (the fixed sidebar then
   * stops at the window's height).
   */
  async screenshot(
    name: string,
    options: { fullPage?: boolean } = {},
  ): Promise<string> {
    await this.settle();
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const path = join(SCREENSHOT_DIR, `${name}.png`);
    await this.page.screenshot({ path, fullPage: options.fullPage ?? false });
    return path;
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}
