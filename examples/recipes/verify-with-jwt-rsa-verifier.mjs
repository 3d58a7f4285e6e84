// Verify with aws-jwt-verify's JwtRsaVerifier, which takes any issuer and JWKS URL.
import { JwtRsaVerifier } from 'aws-jwt-verify';

export async function createRsaVerifier({ issuer, jwksUri, clientId }) {
  const verifier = JwtRsaVerifier.create({
    issuer,
    jwksUri,
    audience: null, // access tokens have no `aud`; the check below covers both kinds
    customJwtCheck: ({ payload }) => {
      if (payload.token_use !== 'access' && payload.token_use !== 'id') throw new Error('not a Cognito token');
      const client = payload.token_use === 'id' ? payload.aud : payload.client_id;
      if (client !== clientId) throw new Error(`token was issued to client ${client}`);
    },
  });
  // aws-jwt-verify fetches keys over https only. Against a plain-http emulator, hand it the keys;
  // with --tls (and NODE_EXTRA_CA_CERTS=<its cert.pem>) it fetches them itself.
  if (jwksUri.startsWith('http:')) verifier.cacheJwks(await (await fetch(jwksUri)).json());
  return verifier;
}
