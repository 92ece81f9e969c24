import { ConfigError } from '../../infrastructure/config/app-config.js';
import { DEFAULT_LINK_HOST, DEFAULT_LINK_PORT } from './link-server.js';

export interface LinkConfig {
  readonly host: string;
  readonly port: number;
}

/** WATTLOG_LINK_HOST (default 0.0.0.0) and WATTLOG_LINK_PORT (default 7700); empty counts as unset. */
export function loadLinkConfig(env: NodeJS.ProcessEnv): LinkConfig {
  const rawPort = env.WATTLOG_LINK_PORT || undefined;
  const rawHost = env.WATTLOG_LINK_HOST || undefined;
  let port = DEFAULT_LINK_PORT;
  if (rawPort !== undefined) {
    port = Number(rawPort);
    if (!/^\d{1,5}$/.test(rawPort) || port < 1 || port > 65535) {
      throw new ConfigError(
        `WATTLOG_LINK_PORT=${JSON.stringify(rawPort)} is not allowed; expected a port number from 1 to 65535 (default ${DEFAULT_LINK_PORT})`,
      );
    }
  }
  if (rawHost !== undefined && !/^[A-Za-z0-9.:_-]+$/.test(rawHost)) {
    throw new ConfigError(
      `WATTLOG_LINK_HOST=${JSON.stringify(rawHost)} is not allowed; expected an IP address or host name (default ${DEFAULT_LINK_HOST})`,
    );
  }
  return { host: rawHost ?? DEFAULT_LINK_HOST, port };
}
