import type { Logger } from 'pino';
import type { Models } from 'zigbee-herdsman';
import type { Definition } from 'zigbee-herdsman-converters';

/** What the server learns of a device once interviewed (or updated): its definition, firmware and reporting set-up. */
export function interviewedDetail(
  device: Models.Device,
  definition: Definition | undefined,
  configured: boolean,
): Record<string, unknown> {
  return {
    model: definition?.model ?? device.modelID ?? null,
    vendor: definition?.vendor ?? device.manufacturerName ?? null,
    firmware: device.softwareBuildID ?? null,
    supported: definition !== undefined,
    configured,
  };
}

/**
 * Runs the definition's own configure (bindings, reporting) as zigbee2mqtt would; false when it has none or it
 * failed. A failure while the source stops is expected and only logged at debug.
 */
export async function configureByDefinition(
  device: Models.Device,
  definition: Definition,
  coordinatorEndpoint: Models.Endpoint,
  logger: Logger,
  stopping: () => boolean,
): Promise<boolean> {
  if (!definition.configure) return false;
  try {
    await definition.configure(device, coordinatorEndpoint, definition);
    device.save();
    logger.info({ ieee: device.ieeeAddr, model: definition.model }, 'zigbee device configured');
    return true;
  } catch (error) {
    logger[stopping() ? 'debug' : 'warn'](
      { ieee: device.ieeeAddr, model: definition.model, err: error },
      'zigbee configure failed; readings may arrive only when polled',
    );
    return false;
  }
}
