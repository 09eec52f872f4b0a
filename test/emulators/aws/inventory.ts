/** Everything the emulator holds, as plain data (also served as JSON at GET /_emulator/inventory). */
export interface AwsInventory {
  instances: {
    id: string;
    arn: string;
    alias: string;
    status: 'CREATION_IN_PROGRESS' | 'ACTIVE' | 'CREATION_FAILED';
    /** Set when the instance is (or will end) CREATION_FAILED. */
    statusReason?: string;
    lambdaFunctions: string[];
    /** Lex V2 bot aliases associated with the instance (AssociateBot). */
    lexBots: string[];
  }[];
  /** Includes each instance's default flows (`builtIn: true`), as a real instance has them. */
  contactFlows: {
    instanceId: string;
    id: string;
    arn: string;
    name: string;
    type: string;
    content: string;
    builtIn: boolean;
  }[];
  /** Released numbers stay listed with `released: true`. */
  phoneNumbers: {
    id: string;
    arn: string;
    number: string;
    type: string;
    instanceId: string;
    status: 'IN_PROGRESS' | 'CLAIMED' | 'FAILED';
    contactFlowId?: string;
    source: 'claimed' | 'imported';
    released: boolean;
  }[];
  /** How many numbers were released (churn). */
  releasedPhoneNumbers: number;
  hoursOfOperation: { instanceId: string; id: string; arn: string; name: string; timeZone: string }[];
  queues: { instanceId: string; id: string; arn: string; name: string; type: 'STANDARD' | 'AGENT' }[];
  functions: {
    name: string;
    arn: string;
    state: 'Pending' | 'Active' | 'Failed';
    lastUpdateStatus?: 'InProgress' | 'Successful';
    environment: Record<string, string>;
    permissions: { statementId: string; principal: string; sourceArn?: string; action: string }[];
    codeSha256: string;
  }[];
  /** Lex V2 bots, their DRAFT locales and intents, versions and aliases (the test alias left out). */
  lexBots: {
    id: string;
    name: string;
    region: string;
    arn: string;
    roleArn: string;
    status: string;
    locales: {
      localeId: string;
      status: string;
      voiceId?: string;
      /** 1 once a build was submitted. */
      builds: number;
      intents: { intentId: string; intentName: string; sampleUtterances: number; fulfillmentCodeHook: boolean }[];
    }[];
    versions: string[];
    aliases: {
      id: string;
      name: string;
      arn: string;
      botVersion?: string;
      status: string;
      localeSettings: Record<string, unknown>;
      /** The alias's resource policy (JSON), when it has one. */
      policy?: string;
    }[];
  }[];
}

/** One call received on the AWS routes, in arrival order. */
export interface AwsCall {
  /** The SDK command name without "Command" ("Unknown" when no operation matched). */
  operation: string;
  service: 'connect' | 'lambda' | 'lex';
  status: number;
  /** Error code of a failed call. */
  error?: string;
  /** The SDK's attempt number (amz-sdk-request header), so retries are visible. */
  attempt?: number;
  at: number;
}
