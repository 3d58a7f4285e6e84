/**
 * The web console in a real browser: Debian's chromium driven by playwright-core. A user signs up through
 * the SDK; the console shows the code from the outbox, confirms the user with a click, and shows the status.
 */
import { existsSync } from 'node:fs';
import { AdminGetUserCommand, SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import { createCognitoClient } from 'cognito-emulator-client';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type StartedEmulator } from '../../src/index.js';

const chromiumPath = '/usr/bin/chromium';
const hasChromium = existsSync(chromiumPath);
if (!hasChromium) console.warn(`console.browser.test.ts: SKIPPED, ${chromiumPath} is missing (apt-get install chromium; .ci/run installs it)`);

const poolId = 'us-east-1_Console01';
const clientId = 'consoleclient0000000000001';

describe.skipIf(!hasChromium)(`the web console in chromium${hasChromium ? '' : ` (skipped: ${chromiumPath} is missing)`}`, () => {
  let emulator: StartedEmulator;
  let browser: Browser;
  beforeAll(async () => {
    [emulator, browser] = await Promise.all([
      startEmulator({
        logLevel: 'silent',
        seed: {
          pools: [
            {
              id: poolId,
              name: 'console-test',
              settings: { AutoVerifiedAttributes: ['email'] },
              clients: [{ id: clientId, name: 'web' }],
              users: [{ username: 'seeded', password: 'Passw0rd!', attributes: { email: 'seeded@example.com', email_verified: true } }],
            },
          ],
        },
      }),
      chromium.launch({
        executablePath: chromiumPath,
        headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      }),
    ]);
  }, 30_000);
  afterAll(async () => {
    await browser?.close();
    await emulator?.close();
  });

  it('shows a sign-up code as it arrives, confirms the user with a click, and shows the new status', async () => {
    const page = await browser.newPage(); // a fresh, throwaway profile
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${emulator.url}/_emulator/ui`);
    await expect.poll(() => page.locator(`[data-pool-id="${poolId}"]`).count(), { timeout: 10_000 }).toBe(1);
    expect(await page.getByRole('note').textContent()).toContain('not the AWS console');
    await expect.poll(() => page.locator('[data-testid=clock]').textContent(), { timeout: 10_000 }).not.toBe('…');
    await expect.poll(() => page.locator('tr[data-username="seeded"] [data-field=status]').textContent(), { timeout: 10_000 }).toBe('CONFIRMED');

    const cognito = createCognitoClient({ endpoint: emulator.url, region: 'us-east-1' });
    await cognito.send(new SignUpCommand({ ClientId: clientId, Username: 'dave', Password: 'Passw0rd!', UserAttributes: [{ Name: 'email', Value: 'dave@example.com' }] }));
    const { messages } = (await (await fetch(`${emulator.url}/_emulator/pools/${poolId}/messages?username=dave`)).json()) as { messages: Array<{ code: string }> };
    const code = messages[0]!.code;

    // The page refreshes by itself: the code appears, newest first.
    const newest = page.locator('[data-testid=message]').first();
    await expect.poll(() => newest.getAttribute('data-username'), { timeout: 10_000 }).toBe('dave');
    expect(await newest.locator('[data-testid=code]').textContent()).toBe(code);
    const row = page.locator('tr[data-username="dave"]');
    await expect.poll(() => row.locator('[data-field=status]').textContent(), { timeout: 10_000 }).toBe('UNCONFIRMED');

    await row.locator('button[data-action=confirm]').click();
    await expect.poll(() => row.locator('[data-field=status]').textContent(), { timeout: 10_000 }).toBe('CONFIRMED');
    expect(await page.locator('[data-testid=action-result]').textContent()).toBe('AdminConfirmSignUp dave: done');
    const user = await cognito.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'dave' }));
    expect(user.UserStatus).toBe('CONFIRMED');

    await row.locator('button[data-action=disable]').click();
    await expect.poll(() => row.locator('[data-field=enabled]').textContent(), { timeout: 10_000 }).toBe('no');
    expect((await cognito.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'dave' }))).Enabled).toBe(false);
    expect(errors).toEqual([]);
  }, 45_000);
});
