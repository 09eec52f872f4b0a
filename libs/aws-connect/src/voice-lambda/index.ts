export {
  packageVoiceLambda,
  resolveVoiceLambdaHandlerPath,
  VOICE_LAMBDA_HANDLER,
  VOICE_LAMBDA_HANDLER_SOURCE_PATH,
  VOICE_LAMBDA_RUNTIME,
  VOICE_LAMBDA_ZIP_ENTRY,
} from './package-voice-lambda.js';
