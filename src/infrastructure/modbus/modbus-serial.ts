import modbusSerial from 'modbus-serial';

// The package is CommonJS whose typings call the client class its default export: under NodeNext the default import
// is the whole module, whose `default` points back at the class.
export const ModbusClient = modbusSerial.default;
export type ModbusClient = InstanceType<typeof ModbusClient>;
export const ModbusServerTcp = modbusSerial.ServerTCP;
export type ModbusServerTcp = InstanceType<typeof ModbusServerTcp>;
export type { IServiceVector as ModbusServiceVector } from 'modbus-serial';
