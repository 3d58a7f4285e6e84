/** The recipes in the README are exactly the files the tests run (examples/recipes/). */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const doc = readFileSync(`${root}README.md`, 'utf8');
const recipes = readdirSync(`${root}examples/recipes`).filter((name) => name.endsWith('.mjs'));

describe('documented recipes', () => {
  it('there are recipes for jose, JwtRsaVerifier, CognitoJwtVerifier and a bearer-token hook', () => {
    expect(recipes.sort()).toEqual(['fastify-bearer-auth.mjs', 'verify-with-cognito-jwt-verifier.mjs', 'verify-with-jose.mjs', 'verify-with-jwt-rsa-verifier.mjs']);
  });

  it.each(recipes)('%s appears verbatim in a code block', (name) => {
    const code = readFileSync(`${root}examples/recipes/${name}`, 'utf8').trimEnd();
    expect(doc).toContain(`\`\`\`js\n${code}\n\`\`\``);
  });
});
