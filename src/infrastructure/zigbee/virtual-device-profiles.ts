/** Attribute values of one cluster, by herdsman attribute name. */
export type ClusterAttributeValues = Readonly<Record<string, number | string>>;

/** A manufacturer-specific cluster herdsman does not know by name: attributes by id, with their ZCL data type. */
export interface ManufacturerClusterProfile {
  readonly clusterId: number;
  readonly manufacturerCode: number;
  readonly attributes: Readonly<Record<number, { readonly type: number; readonly value: number | string }>>;
}

export interface VirtualEndpointProfile {
  readonly id: number;
  readonly profileId: number;
  readonly deviceId: number;
  /** Server clusters, by herdsman cluster name or, for manufacturer-specific ones, by id. */
  readonly inputClusters: readonly (string | number)[];
  readonly outputClusters: readonly string[];
  /** Initial server-side attribute values, by cluster name. */
  readonly attributes: Readonly<Record<string, ClusterAttributeValues>>;
  readonly manufacturerClusters?: readonly ManufacturerClusterProfile[];
}

/**
 * What a real device answers during interview: the identifiers are the ones the real product reports, so that
 * zigbee-herdsman-converters matches its real definition.
 */
export interface VirtualDeviceProfile {
  readonly ieee: string;
  readonly logicalType: 'router' | 'endDevice';
  readonly manufacturerCode: number;
  readonly endpoints: readonly VirtualEndpointProfile[];
  /** The OTA client of products whose firmware can be updated over the air: the image type and file version it runs. */
  readonly ota?: { readonly imageType: number; readonly fileVersion: number };
}

const HA_PROFILE = 0x0104;
const BOOLEAN = 0x10;
const IKEA_OF_SWEDEN = 0x117c;
const MAINS_SINGLE_PHASE = 1;
const BATTERY = 3;

const ikeaInspelning: VirtualDeviceProfile = {
  ieee: '0x842e14fffe5b1a01',
  logicalType: 'router',
  manufacturerCode: IKEA_OF_SWEDEN,
  // The simulated firmware's image type; file version 2.4.45 in IKEA's byte-per-part style.
  ota: { imageType: 0x2201, fileVersion: 0x02040045 },
  endpoints: [
    {
      id: 1,
      profileId: HA_PROFILE,
      deviceId: 0x010a,
      inputClusters: [
        'genBasic',
        'genIdentify',
        'genGroups',
        'genScenes',
        'genOnOff',
        'haElectricalMeasurement',
        'seMetering',
        0xfc7c,
        0xfc85,
      ],
      outputClusters: ['genOta'],
      manufacturerClusters: [
        // Child lock and LED switch of the INSPELNING.
        {
          clusterId: 0xfc85,
          manufacturerCode: IKEA_OF_SWEDEN,
          attributes: { 0x0000: { type: BOOLEAN, value: 0 }, 0x0001: { type: BOOLEAN, value: 1 } },
        },
      ],
      attributes: {
        genBasic: {
          modelId: 'INSPELNING Smart plug',
          manufacturerName: 'IKEA of Sweden',
          swBuildId: '2.4.45',
          powerSource: MAINS_SINGLE_PHASE,
          zclVersion: 8,
          appVersion: 1,
          stackVersion: 114,
          hwVersion: 1,
          dateCode: '20230321',
        },
        genIdentify: { identifyTime: 0 },
        genOnOff: { onOff: 1 },
        haElectricalMeasurement: {
          measurementType: 0x08,
          activePower: 0,
          rmsVoltage: 2300,
          rmsCurrent: 0,
          acFrequency: 50,
          acVoltageMultiplier: 1,
          acVoltageDivisor: 10,
          acCurrentMultiplier: 1,
          acCurrentDivisor: 1000,
          acPowerMultiplier: 1,
          acPowerDivisor: 10,
        },
        seMetering: {
          currentSummDelivered: 0,
          multiplier: 1,
          divisor: 1000,
          unitOfMeasure: 0,
          summaFormatting: 0x2b,
          meteringDeviceType: 0,
        },
      },
    },
  ],
};

const develcoZhemi101: VirtualDeviceProfile = {
  ieee: '0x0015bc001a0000b1',
  logicalType: 'endDevice',
  manufacturerCode: 0x1015,
  endpoints: [
    {
      id: 2,
      profileId: HA_PROFILE,
      deviceId: 0x0053,
      inputClusters: ['genBasic', 'genPowerCfg', 'genIdentify', 'seMetering'],
      outputClusters: ['genTime', 'genOta'],
      attributes: {
        genBasic: {
          modelId: 'ZHEMI101',
          manufacturerName: 'Develco Products A/S',
          swBuildId: '3.1.2',
          powerSource: BATTERY,
          zclVersion: 8,
          appVersion: 2,
          hwVersion: 3,
          dateCode: '2021-04-12',
        },
        genPowerCfg: { batteryVoltage: 30 },
        seMetering: {
          currentSummDelivered: 0,
          instantaneousDemand: 0,
          unitOfMeasure: 0,
          multiplier: 1,
          divisor: 1000,
          summaFormatting: 0x23,
          demandFormatting: 0x23,
          meteringDeviceType: 0,
          status: 0,
        },
      },
    },
  ],
};

const tuyaTs011f: VirtualDeviceProfile = {
  ieee: '0xa4c1387f1c2d3e01',
  logicalType: 'router',
  manufacturerCode: 0x1002,
  ota: { imageType: 0x0001, fileVersion: 0x00000040 },
  endpoints: [
    {
      id: 1,
      profileId: HA_PROFILE,
      deviceId: 0x0051,
      inputClusters: [
        'genBasic',
        'genIdentify',
        'genGroups',
        'genScenes',
        'genOnOff',
        'haElectricalMeasurement',
        'seMetering',
      ],
      outputClusters: ['genOta', 'genTime'],
      attributes: {
        genBasic: {
          modelId: 'TS011F',
          manufacturerName: '_TZ3000_cphmq0q7',
          powerSource: MAINS_SINGLE_PHASE,
          zclVersion: 3,
          appVersion: 77,
          stackVersion: 0,
          hwVersion: 1,
          dateCode: '',
        },
        genIdentify: { identifyTime: 0 },
        genOnOff: { onOff: 1 },
        haElectricalMeasurement: {
          measurementType: 0x08,
          activePower: 0,
          rmsVoltage: 230,
          rmsCurrent: 0,
          acVoltageMultiplier: 1,
          acVoltageDivisor: 1,
          acCurrentMultiplier: 1,
          acCurrentDivisor: 1000,
          acPowerMultiplier: 1,
          acPowerDivisor: 1,
        },
        seMetering: { currentSummDelivered: 0, multiplier: 1, divisor: 100, unitOfMeasure: 0, summaFormatting: 0x22 },
      },
    },
  ],
};

const sonoffSnzb02: VirtualDeviceProfile = {
  ieee: '0x00124b0022a1b2c3',
  logicalType: 'endDevice',
  manufacturerCode: 0x0000,
  endpoints: [
    {
      id: 1,
      profileId: HA_PROFILE,
      deviceId: 0x0302,
      inputClusters: ['genBasic', 'genPowerCfg', 'genIdentify', 'msTemperatureMeasurement', 'msRelativeHumidity'],
      outputClusters: ['genOta'],
      attributes: {
        genBasic: {
          modelId: 'TH01',
          manufacturerName: 'eWeLink',
          powerSource: BATTERY,
          zclVersion: 1,
          appVersion: 5,
          dateCode: '20201026',
        },
        genPowerCfg: { batteryVoltage: 30, batteryPercentageRemaining: 200 },
        genIdentify: { identifyTime: 0 },
        msTemperatureMeasurement: { measuredValue: 2000 },
        msRelativeHumidity: { measuredValue: 5000 },
      },
    },
  ],
};

/** The devices the virtual coordinator can host, by the name settings use. */
export const VIRTUAL_DEVICE_PROFILES = {
  'ikea-inspelning': ikeaInspelning,
  'develco-zhemi101': develcoZhemi101,
  'tuya-ts011f': tuyaTs011f,
  'sonoff-snzb02': sonoffSnzb02,
} as const satisfies Record<string, VirtualDeviceProfile>;

export type VirtualProfileName = keyof typeof VIRTUAL_DEVICE_PROFILES;

export function isVirtualProfileName(value: unknown): value is VirtualProfileName {
  return typeof value === 'string' && Object.hasOwn(VIRTUAL_DEVICE_PROFILES, value);
}
