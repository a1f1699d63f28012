// The same release and CI rule as every package's tests (libs/testing); imported by path, since
// @jobmatch/testing itself depends on this package.
import { ONET_MISSING_REASON, TEST_ONET_FOLDER, testOnetReleaseAvailable } from '../../testing/src/onet-release';

export const ONET_FOLDER = TEST_ONET_FOLDER;
const available = testOnetReleaseAvailable();

/** `describe` when the release is there, else `describe.skip` with the reason in the title. */
export const describeWithOnet = (name: string, fn: () => void) => (available ? describe(name, fn) : describe.skip(`${name} (${ONET_MISSING_REASON})`, fn));
