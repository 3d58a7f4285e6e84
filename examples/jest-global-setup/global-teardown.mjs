export default async function globalTeardown() {
  await globalThis.cognitoEmulator?.close();
}
