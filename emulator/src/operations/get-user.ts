import { Type } from '@sinclair/typebox';
import { attributesToWire } from '../domain/attributes.js';
import { defineOperation } from '../protocol/operation.js';
import { TokenModel } from '../protocol/shapes.js';

export const GetUser = defineOperation({
  name: 'GetUser',
  input: Type.Object({ AccessToken: TokenModel }),
  async run(ctx, input) {
    const { user } = await ctx.accessTokens.verify(input.AccessToken);
    return { Username: user.username, UserAttributes: attributesToWire(user.sub, user.attributes) };
  },
});
