// Starts the API: reads the configuration, builds the app, seeds the demo site, listens, and
// shuts down cleanly on SIGINT/SIGTERM.
import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { seedDemoIfEmpty } from './jobs/demo-seed.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await buildApp(config);
  if (config.seedDemo && !config.databaseUrl) {
    await seedDemoIfEmpty(app.database.db, app.log);
  }
  const close = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void close('SIGINT'));
  process.once('SIGTERM', () => void close('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exit(1);
});
