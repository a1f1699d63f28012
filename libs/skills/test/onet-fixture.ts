// The same release and CI rule as every package's tests (libs/testing); imported by path, since
// @jobmatch/testing itself depends on this package.
import { onetSuite, TEST_ONET_FOLDER, testOnetReleaseAvailable } from '../../testing/src/onet-release';

export const ONET_FOLDER = TEST_ONET_FOLDER;
const available = testOnetReleaseAvailable();

/** `describe` when the release is there, else `describe.skip` with the reason in the title. */
export const describeWithOnet = (name: string, fn: () => void) => {
  const suite = onetSuite(name, available);
  (suite.run ? describe : describe.skip)(suite.title, fn);
};
