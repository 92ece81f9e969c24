import { DeciderSpecification } from '#test/support/decider-spec.js';
import { notificationSettingsDecider } from './notification-settings.decider.js';
import { InvalidNotificationSettingError } from './notification.errors.js';

const given = DeciderSpecification.for(notificationSettingsDecider);
const AT = '2026-03-01T10:00:00.000Z';

describe('notification settings decider', () => {
  it('turns a topic off for a channel, and a repeat decides nothing', () => {
    const off = { ownerId: 'user-1', topic: 'alarm_cleared', channelId: 'channel-1', enabled: false, at: AT } as const;
    given()
      .when({ type: 'SetPreference', data: off })
      .then([{ type: 'NotificationPreferenceSet', data: off }]);
    given({ type: 'NotificationPreferenceSet', data: off }).when({ type: 'SetPreference', data: off }).then([]);
  });

  it('refuses an unknown topic and turning the inbox off', () => {
    given()
      .when({ type: 'SetPreference', data: { ownerId: 'u', topic: 'weather', channelId: 'c', enabled: false, at: AT } })
      .thenThrows(InvalidNotificationSettingError, /unknown topic/);
    given()
      .when({
        type: 'SetPreference',
        data: { ownerId: 'u', topic: 'alert', channelId: 'inbox', enabled: false, at: AT },
      })
      .thenThrows(InvalidNotificationSettingError, /inbox/);
  });

  it('sets quiet hours in a real zone and refuses a made-up one', () => {
    const quiet = { ownerId: 'u', start: '22:00', end: '07:00', timeZone: 'Europe/Amsterdam', at: AT };
    given()
      .when({ type: 'SetQuietHours', data: quiet })
      .then([{ type: 'NotificationQuietHoursSet', data: quiet }]);
    given()
      .when({ type: 'SetQuietHours', data: { ...quiet, timeZone: 'Mars/Olympus', end: '25:00' } })
      .thenThrows(InvalidNotificationSettingError, /end must be a time HH:MM; unknown time zone/);
  });
});
