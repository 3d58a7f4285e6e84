// Verify a Cognito (or cognito-emulator) token with jose.
import { createRemoteJWKSet, jwtVerify } from 'jose';

export function createJoseVerifier({ issuer, jwksUri, clientId, tokenUse = 'access' }) {
  const jwks = createRemoteJWKSet(new URL(jwksUri ?? `${issuer}/.well-known/jwks.json`));
  return {
    async verify(token) {
      const { payload } = await jwtVerify(token, jwks, { issuer, algorithms: ['RS256'] });
      if (payload.token_use !== tokenUse) throw new Error(`expected an ${tokenUse} token, got ${payload.token_use}`);
      // ID tokens name the app client in `aud`, access tokens in `client_id`.
      const client = tokenUse === 'id' ? payload.aud : payload.client_id;
      if (client !== clientId) throw new Error(`token was issued to client ${client}`);
      return payload;
    },
  };
}
