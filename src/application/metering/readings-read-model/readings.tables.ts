/** Tables of the readings read model (migrations 5 and 13 of the read-model set). */
export const READINGS_LATEST_TABLE = 'readings_latest';
export const READINGS_RAW_TABLE = 'readings_raw_chunks';
export const READINGS_BUCKETS_TABLE = 'readings_buckets';
/** Series JSON of one UTC day of 15m or 1h buckets, valid while the day's 1d bucket keeps the revision it carries. */
export const READINGS_DAY_JSON_TABLE = 'readings_day_json';
