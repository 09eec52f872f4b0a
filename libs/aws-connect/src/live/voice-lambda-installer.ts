import { AssociateLambdaFunctionCommand, type ConnectClient } from '@aws-sdk/client-connect';
import {
  AddPermissionCommand,
  CreateFunctionCommand,
  GetFunctionCommand,
  UpdateFunctionCodeCommand,
  UpdateFunctionConfigurationCommand,
  type FunctionConfiguration,
  type LambdaClient,
} from '@aws-sdk/client-lambda';
import { UnrecoverableError } from 'bullmq';
import { packageVoiceLambda, VOICE_LAMBDA_HANDLER, VOICE_LAMBDA_RUNTIME } from '../voice-lambda/index.js';
import { awsCall, orUndefinedIfNotFound, unlessAlreadyDone } from './aws-errors.js';
import type { ActiveInstance, ConnectInstances } from './connect-instances.js';
import type { LiveConnectSettings } from './live-connect-settings.js';
import { pollUntil } from './poll.js';

/** The flow gives the Lambda 8 s; the function itself may run a little longer so its own deadline decides. */
const FUNCTION_TIMEOUT_S = 10;
const REPLY_DEADLINE_MS = '6500';
/** How long a function found in AWS counts as there before it is described again. */
const VERIFIED_FOR_MS = 60_000;

/**
 * The one voice Lambda of an instance: created once from the handler in this repository, kept at the current code
 * and settings, allowed to be invoked by this instance only, and associated with it. Every step is safe to repeat.
 */
export class VoiceLambdaInstaller {
  /** When each function was last found in AWS, by this process. */
  private readonly verifiedAt = new Map<string, number>();

  constructor(
    private readonly connect: ConnectClient,
    private readonly lambda: LambdaClient,
    private readonly instances: ConnectInstances,
    private readonly settings: LiveConnectSettings,
  ) {}

  functionNameFor({ instanceId }: { instanceId: string }): string {
    return `voca-voice-${instanceId}`.slice(0, 64);
  }

  /** Whether the instance's function is still in AWS (found within the last minute, or looked up now). */
  isInstalled(instanceId: string): Promise<boolean> {
    return this.stillThere(this.functionNameFor({ instanceId }));
  }

  /** Forgets which functions were found lately, so the next checks look them up. */
  forgetAll(): void {
    this.verifiedAt.clear();
  }

  async ensure(instance: ActiveInstance): Promise<string> {
    const { zip, sha256 } = await packageVoiceLambda();
    const name = this.functionNameFor(instance);
    // A recorded function is described again now and then: one deleted by hand is installed anew, not assumed.
    if (instance.voiceLambdaArn && instance.voiceLambdaCodeSha256 === sha256 && (await this.stillThere(name))) {
      return instance.voiceLambdaArn;
    }

    const environment = {
      Variables: {
        ENGINE_WEBHOOK_URL: this.settings.webhookUrl,
        WEBHOOK_SECRET: this.settings.webhookSecret,
        REPLY_DEADLINE_MS,
      },
    };
    const existing = await this.find(name);
    if (!existing) {
      await this.create(name, zip, environment);
    } else {
      if (existing.CodeSha256 !== sha256) {
        await this.whenSettled(name);
        await awsCall('updating the voice Lambda code', () =>
          this.lambda.send(new UpdateFunctionCodeCommand({ FunctionName: name, ZipFile: zip })),
        );
      }
      if (JSON.stringify(existing.Environment?.Variables ?? {}) !== JSON.stringify(environment.Variables)) {
        await this.whenSettled(name);
        await awsCall('updating the voice Lambda settings', () =>
          this.lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: name, Environment: environment })),
        );
      }
    }
    const ready = await this.whenSettled(name);
    await this.allowInstance(name, instance);
    await this.associate(ready.FunctionArn!, instance);
    await this.instances.save(instance, { voiceLambdaArn: ready.FunctionArn!, voiceLambdaCodeSha256: sha256 });
    return ready.FunctionArn!;
  }

  private async stillThere(name: string): Promise<boolean> {
    if (Date.now() - (this.verifiedAt.get(name) ?? 0) < VERIFIED_FOR_MS) return true;
    const found = Boolean(await this.find(name));
    if (found) this.verifiedAt.set(name, Date.now());
    return found;
  }

  private async find(name: string): Promise<FunctionConfiguration | undefined> {
    const found = await orUndefinedIfNotFound(() =>
      awsCall('looking up the voice Lambda', () => this.lambda.send(new GetFunctionCommand({ FunctionName: name }))),
    );
    return found?.Configuration;
  }

  private async create(name: string, zip: Buffer, environment: { Variables: Record<string, string> }): Promise<void> {
    await unlessAlreadyDone(() =>
      awsCall('creating the voice Lambda', () =>
        this.lambda.send(
          new CreateFunctionCommand({
            FunctionName: name,
            Runtime: VOICE_LAMBDA_RUNTIME,
            Handler: VOICE_LAMBDA_HANDLER,
            Role: this.settings.lambdaRoleArn,
            Code: { ZipFile: zip },
            Timeout: FUNCTION_TIMEOUT_S,
            MemorySize: 256,
            Description: 'Voca AI Engine: forwards Amazon Connect turns to the engine and returns its reply',
            Environment: environment,
          }),
        ),
      ),
    );
  }

  /** Waits until the function is Active and no update is running (updates are refused meanwhile). */
  private whenSettled(name: string): Promise<FunctionConfiguration> {
    return pollUntil('the voice Lambda to become active', this.settings.poll, async () => {
      const configuration = await this.find(name);
      if (configuration?.State === 'Failed') {
        throw new UnrecoverableError(`the voice Lambda failed: ${configuration.StateReason ?? 'no reason given'}`);
      }
      const settled = configuration?.State === 'Active' && configuration.LastUpdateStatus !== 'InProgress';
      return settled ? configuration : undefined;
    });
  }

  private async allowInstance(name: string, instance: ActiveInstance): Promise<void> {
    await unlessAlreadyDone(() =>
      awsCall('allowing Connect to invoke the voice Lambda', () =>
        this.lambda.send(
          new AddPermissionCommand({
            FunctionName: name,
            StatementId: `connect-${instance.instanceId}`.slice(0, 100),
            Action: 'lambda:InvokeFunction',
            Principal: 'connect.amazonaws.com',
            SourceArn: instance.instanceArn,
          }),
        ),
      ),
    );
  }

  private async associate(functionArn: string, instance: ActiveInstance): Promise<void> {
    await unlessAlreadyDone(() =>
      awsCall('associating the voice Lambda with the instance', () =>
        this.connect.send(
          new AssociateLambdaFunctionCommand({ InstanceId: instance.instanceId, FunctionArn: functionArn }),
        ),
      ),
    );
  }
}
