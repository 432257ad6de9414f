// Starts the API: reads the configuration, builds the app, seeds the demo site, listens (serving
// the built web app on the same port when there is one, see web-host.ts), and shuts down cleanly
// on SIGINT/SIGTERM.
import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { seedDemoIfEmpty } from './jobs/demo-seed.ts';
import { loadWebHandler, siteServer } from './web-host.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await buildApp(config);
  if (config.seedDemo && !config.databaseUrl) {
    await seedDemoIfEmpty(app.database.db, app.log);
  }
  const web = await loadWebHandler();
  const server = web ? siteServer(app, web) : null;
  const close = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    server?.close();
    server?.closeAllConnections();
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void close('SIGINT'));
  process.once('SIGTERM', () => void close('SIGTERM'));
  if (!server) {
    await app.listen({ port: config.port, host: config.host });
    return;
  }
  await app.ready();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, resolve);
  });
  app.log.info(`Serendip (web and API) listening at http://${config.host}:${config.port}`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exit(1);
});
