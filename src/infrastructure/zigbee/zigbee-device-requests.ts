import type { Controller } from 'zigbee-herdsman';
import { findByDevice } from 'zigbee-herdsman-converters';
import type { OnOffAction } from './zigbee-commands.js';
import type { ReportingRequest } from './zigbee-configuration.js';

/** ZCL configureReporting on the first endpoint with the cluster; herdsman throws unless the device answers SUCCESS. */
export async function configureDeviceReporting(
  controller: Controller,
  ieee: string,
  request: ReportingRequest,
): Promise<number> {
  const device = controller.getDeviceByIeeeAddr(ieee);
  if (!device) throw new Error(`no ZigBee device ${ieee} on this network`);
  const endpoint = device.endpoints.find((e) => e.supportsInputCluster(request.cluster));
  if (!endpoint) throw new Error(`ZigBee device ${ieee} has no endpoint with ${request.cluster}`);
  // The cluster is chosen at run time, so the attribute name cannot be checked against it statically.
  await endpoint.configureReporting<string>(request.cluster, [
    {
      attribute: request.attribute as never,
      minimumReportInterval: request.minimumReportInterval,
      maximumReportInterval: request.maximumReportInterval,
      reportableChange: request.reportableChange,
    },
  ]);
  return endpoint.ID;
}

export async function switchDevice(
  controller: Controller,
  ieee: string,
  endpointId: number,
  action: OnOffAction,
): Promise<void> {
  const device = controller.getDeviceByIeeeAddr(ieee.toLowerCase());
  if (!device) throw new Error(`no ZigBee device ${ieee} on this network`);
  const endpoint = device.getEndpoint(endpointId);
  if (!endpoint) throw new Error(`ZigBee device ${ieee} has no endpoint ${endpointId}`);
  await endpoint.command('genOnOff', action, {});
}

/** The device's model and whether its zigbee-herdsman-converters definition updates over the air. */
export async function deviceOtaSupport(
  controller: Controller,
  ieee: string,
): Promise<{ model: string; ota: boolean } | undefined> {
  const device = controller.getDeviceByIeeeAddr(ieee);
  const definition = device ? await findByDevice(device) : undefined;
  return definition
    ? { model: definition.model, ota: definition.ota !== undefined && definition.ota !== false }
    : undefined;
}
