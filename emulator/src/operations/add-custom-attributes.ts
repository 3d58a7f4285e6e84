import { Type } from '@sinclair/typebox';
import { requireUserPool } from '../domain/lookups.js';
import { customSchemaAttribute } from '../domain/user-pool-settings.js';
import { fail } from '../errors.js';
import { defineOperation } from '../protocol/operation.js';
import { SchemaAttribute, UserPoolId } from '../protocol/shapes.js';

/** A pool can hold at most 50 custom attributes, and none can be removed once added. */
const maxCustomAttributes = 50;

/**
 * Adds `custom:<name>` attributes to the pool's schema. They can then be set at sign-up and by attribute
 * updates, are returned by GetUser and AdminGetUser, and appear (as strings) in ID tokens, each within the
 * app client's read and write permissions.
 */
export const AddCustomAttributes = defineOperation({
  name: 'AddCustomAttributes',
  input: Type.Object({ UserPoolId, CustomAttributes: Type.Array(SchemaAttribute, { minItems: 1, maxItems: 25 }) }),
  run(ctx, input) {
    const now = ctx.clock.now();
    ctx.store.transaction(() => {
      const pool = requireUserPool(ctx.store, input.UserPoolId);
      const schema = [...(pool.settings.SchemaAttributes ?? [])];
      const taken = new Set(schema.map((attribute) => (attribute.Name ?? '').replace(/^dev:/, '')));
      for (const requested of input.CustomAttributes) {
        if (!requested.Name) fail('InvalidParameterException', 'Custom attribute name is required.'); // wording invented
        const attribute = customSchemaAttribute(requested);
        const plainName = (attribute.Name ?? '').replace(/^dev:/, '');
        if (taken.has(plainName)) fail('InvalidParameterException', `${plainName}: Existing attribute already has name ${plainName}.`); // wording [unsure]
        taken.add(plainName);
        schema.push(attribute);
      }
      if (schema.filter((attribute) => attribute.Name?.includes('custom:')).length > maxCustomAttributes) {
        fail('InvalidParameterException', `A user pool can have at most ${maxCustomAttributes} custom attributes.`); // wording invented
      }
      ctx.store.userPools.update({ id: pool.id, name: pool.name, settings: { ...pool.settings, SchemaAttributes: schema }, updatedAt: now });
    });
    return {};
  },
});
