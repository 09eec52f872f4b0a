import { Module } from '@nestjs/common';
import { QueueModule } from '@voca/queue';
import { AccountClaims } from './account-claims.js';
import { CredentialSealer } from './credential-sealer.js';
import { OperationStarter } from './operation-starter.js';
import { OutboxRelay } from './outbox-relay.js';
import { ProvisioningFlow } from './provisioning-flow.js';
import { ProvisioningRequests } from './provisioning-requests.js';

/**
 * Starting provisioning work, for the features that change agents: requests and credentials checked and recorded,
 * each operation's flow put on BullMQ, and the outbox relay adding the flows Redis refused.
 */
@Module({
  imports: [QueueModule.provisioningFlowProducer()],
  providers: [ProvisioningFlow, ProvisioningRequests, CredentialSealer, AccountClaims, OutboxRelay, OperationStarter],
  exports: [ProvisioningFlow, ProvisioningRequests, CredentialSealer, AccountClaims, OperationStarter],
})
export class ProvisioningFlowModule {}
