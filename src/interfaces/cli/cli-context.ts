import { loadConfig, type AppConfig } from '../../infrastructure/config/app-config.js';
import { openStorage, type Storage } from '../../infrastructure/composition/storage.js';

/** Opens storage for a CLI command and always closes it, whatever the command does. */
export async function withStorage<T>(work: (storage: Storage, config: AppConfig) => Promise<T>): Promise<T> {
  const config = loadConfig(process.env);
  const storage = await openStorage(config);
  try {
    return await work(storage, config);
  } finally {
    await storage.close();
  }
}

export function printResult(json: boolean, value: unknown, human: string): void {
  process.stdout.write(json ? `${JSON.stringify(value)}\n` : `${human}\n`);
}
