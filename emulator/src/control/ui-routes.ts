/**
 * The web console at /_emulator/ui: plain HTML, CSS and JavaScript from emulator/ui/ (no build step),
 * reading the /_emulator JSON routes. A fixed list of files, read once; nothing else is served from disk.
 */
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';

// From src/control/ (tests) and dist/control/ (the built CLI) alike, the files sit in emulator/ui/.
const uiDirectory = new URL('../../ui/', import.meta.url);

const files = {
  'index.html': 'text/html; charset=utf-8',
  'console.js': 'text/javascript; charset=utf-8',
  'console.css': 'text/css; charset=utf-8',
} as const;

export function registerUiRoutes(app: FastifyInstance): void {
  const contents = new Map<string, Buffer>();
  const read = (name: keyof typeof files): Buffer => {
    let content = contents.get(name);
    if (!content) {
      content = readFileSync(new URL(name, uiDirectory));
      contents.set(name, content);
    }
    return content;
  };
  const send = (name: keyof typeof files) => async (_request: unknown, reply: import('fastify').FastifyReply) =>
    reply
      .type(files[name])
      .header('cache-control', 'no-cache')
      // The console only talks to this emulator; nothing inline, nothing from elsewhere.
      .header('content-security-policy', "default-src 'self'; frame-ancestors 'none'")
      .header('x-content-type-options', 'nosniff')
      .send(read(name));

  app.get('/_emulator', async (_request, reply) => reply.redirect('/_emulator/ui'));
  app.get('/_emulator/', async (_request, reply) => reply.redirect('/_emulator/ui'));
  app.get('/_emulator/ui', send('index.html'));
  app.get('/_emulator/ui/', send('index.html'));
  for (const name of Object.keys(files) as Array<keyof typeof files>) app.get(`/_emulator/ui/${name}`, send(name));
}
