// Run by tls.test.ts in a child process with NODE_EXTRA_CA_CERTS=<the emulator's cert.pem>, as the docs
// say to: signs in over https with plain fetch, then verifies the token with the JwtRsaVerifier recipe,
// whose aws-jwt-verify fetcher loads the JWKS over https by itself.
import { createRsaVerifier } from '../../../../examples/recipes/verify-with-jwt-rsa-verifier.mjs';

const { EMULATOR_URL: url, POOL_ID: poolId, CLIENT_ID: clientId, USERNAME: username, PASSWORD: password } = process.env;
const response = await fetch(url, {
  method: 'POST',
  headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.InitiateAuth' },
  body: JSON.stringify({ ClientId: clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: username, PASSWORD: password } }),
});
const { AuthenticationResult } = await response.json();
const issuer = `${url}/${poolId}`;
const verifier = await createRsaVerifier({ issuer, jwksUri: `${issuer}/.well-known/jwks.json`, clientId });
const payload = await verifier.verify(AuthenticationResult.AccessToken);
process.stdout.write(JSON.stringify({ sub: payload.sub, token_use: payload.token_use, iss: payload.iss }));
