/** A setting handed to the alarm of another kind: the caller routed it wrong; nothing a request can cause. */
export class AlarmSettingKindError extends Error {
  override readonly name = 'AlarmSettingKindError';
  constructor(
    readonly alarmKind: string,
    readonly settingKind: string,
  ) {
    super(`a ${settingKind} setting cannot judge the ${alarmKind} alarm`);
  }
}
