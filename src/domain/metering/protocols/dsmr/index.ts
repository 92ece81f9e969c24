export { crc16Arc, formatCrc } from './crc16.js';
export { dsmrDecoder, decodeTelegram, type DsmrPayload, type DsmrRefusal } from './dsmr.decoder.js';
export { meterNodeId, mbusNodeId } from './dsmr-reading.js';
export { isEuSummerTime, parseDsmrTimestamp } from './dsmr-timestamp.js';
export { decodeEquipmentId } from './equipment-id.js';
export { parseObisLines, type ObisLine, type ObisLines } from './obis-lines.js';
export {
  MAX_TELEGRAM_CHARS,
  crcStatus,
  readEnvelope,
  type CrcCheck,
  type TelegramEnvelope,
} from './telegram-envelope.js';
export { TelegramFramer, type FramerStats } from './telegram-framer.js';
