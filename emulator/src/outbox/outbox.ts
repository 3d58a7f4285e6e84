/**
 * Where the emails and texts Cognito would send go instead: stored (readable at
 * GET /_emulator/pools/<poolId>/messages) and announced in the log. The log line says where to read the
 * code but never carries it: codes confirm accounts and reset passwords, so they stay out of logs.
 */
import type { CodeDeliveryDetailsType } from '@aws-sdk/client-cognito-identity-provider';
import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../clock.js';
import { maskDestination } from '../domain/attributes.js';
import type { Store } from '../store/store.js';
import type { DeliveryMedium, MessageKind } from '../store/messages.js';
import type { UserRecord } from '../store/users.js';

export interface OutgoingMessage {
  readonly user: UserRecord;
  readonly kind: MessageKind;
  readonly attributeName: 'email' | 'phone_number';
  readonly code: string | undefined;
}

export class Outbox {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly log: FastifyBaseLogger,
  ) {}

  /** Records the message (call inside the write's transaction) and returns Cognito's CodeDeliveryDetails. */
  send(message: OutgoingMessage): CodeDeliveryDetailsType {
    const destination = message.user.attributes[message.attributeName] ?? '';
    const deliveryMedium: DeliveryMedium = message.attributeName === 'email' ? 'EMAIL' : 'SMS';
    this.store.messages.insert({
      userPoolId: message.user.userPoolId,
      username: message.user.username,
      destination,
      deliveryMedium,
      kind: message.kind,
      code: message.code,
      createdAt: this.clock.now(),
    });
    this.log.info(
      {
        outbox: { userPoolId: message.user.userPoolId, username: message.user.username, kind: message.kind, deliveryMedium },
        readAt: `/_emulator/pools/${message.user.userPoolId}/messages?username=${encodeURIComponent(message.user.username)}`,
      },
      `outbox: ${message.kind} ${deliveryMedium.toLowerCase()} for ${message.user.username}`,
    );
    return { Destination: maskDestination(destination), DeliveryMedium: deliveryMedium, AttributeName: message.attributeName };
  }
}
