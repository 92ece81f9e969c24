import { describeProjection } from '#test/support/projection-spec.js';
import { gatewayNamesProjection } from './gateway-names.projection.js';

describeProjection('gateway names', gatewayNamesProjection, (spec) => {
  it('Given registrations, Then one name per gateway, and a rebuild gives the same', async () => {
    await spec.given('gateway-g1', [{ type: 'GatewayRegistered', data: { gatewayId: 'g1', name: 'Home' } }]);
    await spec.given('gateway-g2', [{ type: 'GatewayRegistered', data: { gatewayId: 'g2', name: 'Shed' } }]);
    await spec.project();
    const rows = await spec.rows('SELECT gateway_id, name FROM gateway_names ORDER BY gateway_id');
    expect(rows).toEqual([{ gateway_id: 'g1', name: 'Home' }, { gateway_id: 'g2', name: 'Shed' }]);
    await spec.rebuild();
    expect(await spec.rows('SELECT gateway_id, name FROM gateway_names ORDER BY gateway_id')).toEqual(rows);
  });
});
