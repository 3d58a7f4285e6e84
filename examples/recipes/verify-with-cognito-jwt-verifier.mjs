// Verify with aws-jwt-verify's CognitoJwtVerifier, unchanged from production code.
// Against the emulator: start it with --issuer-style aws and prime the verifier with its JWKS.
import { CognitoJwtVerifier } from 'aws-jwt-verify';
import { primeCognitoJwtVerifier } from 'cognito-emulator-client';

export async function createCognitoVerifier({ userPoolId, clientId, emulatorUrl }) {
  const verifier = CognitoJwtVerifier.create({ userPoolId, clientId, tokenUse: 'access' });
  if (emulatorUrl) await primeCognitoJwtVerifier(verifier, { endpoint: emulatorUrl, userPoolId });
  return verifier;
}
