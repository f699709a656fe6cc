import { createSandbox } from './app';
import { issuerUrl, loadConfig } from './config';
import { logEvent } from './log';
import { demoAccountsText } from './seed';

/** `npm run sandbox`: the Club Med stand-in (identity providers + customer API) on SANDBOX_PORT. */
async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  const sandbox = await createSandbox(config);
  const url = await sandbox.listen();
  console.error(
    [
      `Club Med sandbox listening on ${url} (data: ${config.dataDir}${sandbox.seeded ? ', freshly seeded' : ''})`,
      `  customer issuer: ${issuerUrl(config, 'customer')}  client: ${config.customerClient.id}`,
      `  staff issuer:    ${issuerUrl(config, 'staff')}  client: ${config.staffClient.id}`,
      `  customer API:    ${config.baseUrl}/v2/customers/{id}/profile (x-api-key required)`,
      demoAccountsText(),
    ].join('\n'),
  );
  logEvent({ level: 'info', msg: 'listening', url });

  const stop = async (signal: string) => {
    logEvent({ level: 'info', msg: 'stopping', signal });
    await sandbox.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

void main();
