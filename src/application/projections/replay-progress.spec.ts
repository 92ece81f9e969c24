import { replayRate } from './replay-progress.js';

describe('replayRate', () => {
  it('gives no rate and no ETA before the first batch', () => {
    expect(replayRate(0, 1000, 0)).toEqual({ eventsPerSecond: 0, etaSeconds: null, fraction: 0 });
    expect(replayRate(0, 1000, 500)).toEqual({ eventsPerSecond: 0, etaSeconds: null, fraction: 0 });
  });

  it('takes the rate so far and the events left for the ETA, rounded up', () => {
    expect(replayRate(250, 1000, 500)).toEqual({ eventsPerSecond: 500, etaSeconds: 2, fraction: 0.25 });
    expect(replayRate(300, 1000, 1000)).toEqual({ eventsPerSecond: 300, etaSeconds: 3, fraction: 0.3 });
  });

  it('never goes past done when the log grew during the replay, and an empty log is done', () => {
    expect(replayRate(1200, 1000, 1000)).toEqual({ eventsPerSecond: 1200, etaSeconds: 0, fraction: 1 });
    expect(replayRate(0, 0, 0)).toEqual({ eventsPerSecond: 0, etaSeconds: null, fraction: 1 });
  });
});
