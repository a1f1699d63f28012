import { containsContactDetails, redactContactDetails, resumeEmbeddingText } from '../src';

describe('contact details in resume text', () => {
  it.each([
    ['jane.doe+jobs@example.co.uk', '[email]'],
    ['Call +49 151 1234 5678 any time', 'Call [phone] any time'],
    ['(555) 123-4567', '[phone]'],
    ['Tel. 030/1234567', 'Tel. [phone]'],
    ['12 Baker Street, London', '[address], London'],
    ['1600 Pennsylvania Avenue, Apt 4B', '[address]'],
    ['Hauptstraße 12, 10115 Berlin', '[address], 10115 Berlin'],
  ])('redacts %s', (text, expected) => {
    expect(redactContactDetails(text)).toBe(expected);
    expect(containsContactDetails(text)).toBe(true);
  });

  it.each([
    '2015 - 2020 Senior Engineer',
    '2015–2020',
    'Welder - Northstar Fabrication (2019-2022)',
    'Acme | Data Analyst | 02/2022 - 05/2023',
    '03.2018 – 11.2021',
    'Since 2019-01-15',
    '01.02.2020 to today',
    '5 years of C++ and ISO 9001 audits',
    'Managed a budget of 1,200,000 EUR',
    'Python 3.12, Node.js 24, PostgreSQL 15',
  ])('leaves %s alone', (text) => {
    expect(redactContactDetails(text)).toBe(text);
  });

  it('embeds resumes without their contact details', () => {
    expect(resumeEmbeddingText('Jane Doe\njane@example.com | +1 555 123 4567\nData engineer, Spark and SQL')).toBe(
      'Jane Doe\n[email] | [phone]\nData engineer, Spark and SQL',
    );
  });
});
