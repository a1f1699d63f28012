import { extractResumeProfile } from '../../src/resumes/resume-profile';

describe('extractResumeProfile', () => {
  const resume = [
    'Jane Doe',
    'jane.doe@example.com | +49 151 2345 6789 | linkedin.com/in/janedoe',
    'Musterstraße 12, 10115 Berlin',
    'Senior Python Developer',
    'Location: Berlin, Germany',
    'Experience',
    '2016 – 2019 Backend Developer, Shop GmbH',
    '2019 – present Senior Python Developer, Data AG',
  ].join('\n');

  it('keeps contact details out of the profile', () => {
    const profile = extractResumeProfile(resume);
    const serialized = JSON.stringify(profile);
    expect(serialized).not.toMatch(/@|jane|doe|\+49|151|linkedin|Musterstraße|10115/i);
  });

  it('finds headline, seniority, city-level location and years from date ranges', () => {
    const profile = extractResumeProfile(resume);
    expect(profile.headline).toBe('Senior Python Developer');
    expect(profile.seniority).toBe('senior');
    expect(profile.location).toBe('Berlin, Germany');
    expect(profile.yearsOfExperience).toBe(new Date().getUTCFullYear() - 2016);
  });

  it('knows headlines beyond office jobs', () => {
    for (const headline of ['Paralegal', 'Quality Inspector', 'Regional Truck Driver', 'Physiotherapist', 'Junior HR Generalist', 'Registered Dental Hygienist', 'Housekeeper', 'Lead Mobile Software Engineer', 'Plumbing Apprentice']) {
      expect(extractResumeProfile(`Avery Sampleton\n${headline}\nLocation: Austin, TX`).headline).toBe(headline);
    }
    expect(extractResumeProfile('Avery Sampleton\nPlumbing Apprentice').seniority).toBe('junior');
  });

  it('prefers a stated number of years and infers seniority from it when the headline has no level', () => {
    const profile = extractResumeProfile('Backend Engineer\n3 years of experience with Go and Kubernetes');
    expect(profile).toMatchObject({ headline: 'Backend Engineer', yearsOfExperience: 3, seniority: 'mid' });
  });

  it('does not store a street address as location', () => {
    expect(extractResumeProfile('Nurse\nLocation: 221B Baker Street, London').location).toBeNull();
  });

  it('returns nulls when nothing is stated', () => {
    expect(extractResumeProfile('hello world')).toEqual({ headline: null, seniority: null, yearsOfExperience: null, location: null });
  });
});
