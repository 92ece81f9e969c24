import { aPriceProgram, aPublishedProgram } from '#test/builders/market.js';
import { DeciderSpecification } from '#test/support/decider-spec.js';
import { MarketObjectNotFoundError } from './market.errors.js';
import { programDecider, type ProgramCommand } from './program.decider.js';

const AT = '2026-12-07T11:00:00.000Z';
const given = DeciderSpecification.for(programDecider);
const revise = (providerId = 'prov-a'): ProgramCommand => ({
  type: 'ReviseProgram',
  data: {
    programId: 'p-1',
    providerId,
    content: aPriceProgram({ programName: 'renamed' }),
    revisedBy: 'client:c',
    at: AT,
  },
});
const withdraw = (providerId = 'prov-a'): ProgramCommand => ({
  type: 'WithdrawProgram',
  data: { programId: 'p-1', providerId, withdrawnBy: 'client:c', at: AT },
});

describe('program decider', () => {
  it('Given nothing, When publishing, Then ProgramPublished with the content as given', () => {
    const published = aPublishedProgram();
    given().when({ type: 'PublishProgram', data: published.data }).then([published]);
  });

  it('Given a published program, When its provider revises it, Then ProgramRevised replaces the whole content', () => {
    given(aPublishedProgram())
      .when(revise())
      .then([
        {
          type: 'ProgramRevised',
          data: { programId: 'p-1', content: aPriceProgram({ programName: 'renamed' }), revisedBy: 'client:c', at: AT },
        },
      ]);
  });

  it('Given a published program, When another provider revises or withdraws it, Then it is not found', () => {
    given(aPublishedProgram()).when(revise('prov-b')).thenThrows(MarketObjectNotFoundError);
    given(aPublishedProgram()).when(withdraw('prov-b')).thenThrows(MarketObjectNotFoundError);
  });

  it('Given a withdrawn program, When revised or withdrawn again, Then it is not found', () => {
    const withdrawn = {
      type: 'ProgramWithdrawn' as const,
      data: { programId: 'p-1', withdrawnBy: 'client:c', at: AT },
    };
    given(aPublishedProgram()).when(withdraw()).then([withdrawn]);
    given(aPublishedProgram(), withdrawn).when(revise()).thenThrows(MarketObjectNotFoundError);
    given(aPublishedProgram(), withdrawn).when(withdraw()).thenThrows(MarketObjectNotFoundError);
  });

  it('Given nothing, When revising, Then it is not found', () => {
    given().when(revise()).thenThrows(MarketObjectNotFoundError);
  });
});
