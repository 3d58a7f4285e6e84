import { Type } from '@sinclair/typebox';
import { canRead } from '../domain/attribute-permissions.js';
import { attributesToWire } from '../domain/attributes.js';
import { requireSignedInUser } from '../domain/signed-in-user.js';
import { defineOperation } from '../protocol/operation.js';
import { TokenModel } from '../protocol/shapes.js';

/** The signed-in user's attributes, as far as the app client the token was issued to may read them. */
export const GetUser = defineOperation({
  name: 'GetUser',
  input: Type.Object({ AccessToken: TokenModel }),
  async run(ctx, input) {
    const { user, client } = await requireSignedInUser(ctx, input.AccessToken);
    const readable = new Set(Object.keys(user.attributes).filter((name) => canRead(client, name)));
    return { Username: user.username, UserAttributes: attributesToWire(user.sub, user.attributes, readable) };
  },
});
