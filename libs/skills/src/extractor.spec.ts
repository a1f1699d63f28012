import { extractSkills } from './extractor';
import { summarizeSkills } from './summarize';

const names = (text: string) => extractSkills(text).map((s) => s.name);

describe('extractSkills: punctuation-aware matching', () => {
  it.each([
    ['Strong C++ and C# developers wanted', ['C++', 'C#']],
    ['Experience with .NET Core and ASP.NET MVC', ['.NET', 'ASP.NET']],
    ['Backend in Node.js, frontend in Vue.js', ['Node.js', 'Vue.js']],
    ['Own our CI/CD pipelines', ['CI/CD']],
    ['Background in machine learning and project management', ['Machine Learning', 'Project Management']],
    ['machine-learning pipelines', ['Machine Learning']],
    ['We run k8s on AWS', ['Kubernetes', 'AWS']],
    ['React.js or ReactJS', ['React']],
    ['Postgres and ECMAScript', ['PostgreSQL', 'JavaScript']],
    ['Python3 and HTML5', ['Python', 'HTML']],
    ['REST APIs and microservices', ['REST APIs', 'Microservices']],
  ])('%s', (text, expected) => {
    expect(names(text)).toEqual(expected);
  });

  it('does not find JavaScript inside "Vue.js" or Java inside "JavaScript"', () => {
    expect(names('We use Vue.js')).toEqual(['Vue.js']);
    expect(names('JavaScript only')).toEqual(['JavaScript']);
  });

  it('prefers the longest match (React Native over React, SQL Server over SQL)', () => {
    expect(names('Built apps with React Native')).toEqual(['React Native']);
    expect(names('Tuned SQL Server indexes')).toEqual(['Microsoft SQL Server']);
  });
});

describe('extractSkills: classic false positives', () => {
  it.each([
    ['Go vs "go to"', 'You will go to customer sites and go ahead with plans.', 'Go'],
    ['Go-to-market is not Go', 'Own our go-to-market motion. Go to our careers page.', 'Go'],
    ['R vs R&D', 'Join our R&D team and our R-value insulation group.', 'R'],
    ['Excel vs excellent', 'Excellent communication. You will excel at teamwork.', 'Microsoft Excel'],
    ['Excel at sentence start', 'Excel in a fast-paced environment.', 'Microsoft Excel'],
    ['Swift vs swiftly', 'Respond swiftly to incidents with swift action.', 'Swift'],
    ['Rust vs rusty', 'My French is rusty; prevent rust on the tools.', 'Rust'],
    ['C vs C-level', 'Present to C-level executives and the C-suite.', 'C'],
    ['C in "Vitamin C" / "Class C"', 'Vitamin C supplements; Class C license.', 'C'],
    ['Spring season', 'We hire in spring. Starts Spring 2025.', 'Spring'],
    ['Chef the cook', 'Work under the head chef. Sous Chef wanted.', 'Chef'],
    ['Express as a verb', 'Express your ideas clearly and express interest by Friday.', 'Express.js'],
    ['React as a verb', 'React to customer needs and react quickly to feedback.', 'React'],
    ['Less in prose', 'Less than 3 years of experience; less travel.', 'Less'],
    ['Sass in prose', 'No sass, just kindness.', 'Sass'],
    ['Ember in prose', 'An ember of curiosity.', 'Ember.js'],
    ['Unity as a word', 'Unity of purpose and unity among teams.', 'Unity'],
    ['Helm as a word', 'Take the helm of our sales org.', 'Helm'],
    ['Puppet as a word', 'Puppet shows for kids.', 'Puppet'],
    ['Spark as a verb', 'Spark joy and spark curiosity.', 'Apache Spark'],
    ['Epic as an adjective', 'An epic journey; write epics.', 'Epic Systems'],
    ['ML as a unit', 'Administer 5 ml of saline.', 'Machine Learning'],
    ['AWS as a welding code', 'Certified to AWS D1.1 structural welding code.', 'AWS'],
    ['Java coffee', 'Free java and snacks.', 'Java'],
  ])('%s', (_label, text, skill) => {
    expect(names(text)).not.toContain(skill);
  });

  it.each([
    ['Go in a tech list', 'Services written in Go and Python.', 'Go'],
    ['Go as a language', 'Strong Go programming skills.', 'Go'],
    ['R in a stats context', 'Statistics in R and SQL.', 'R'],
    ['Excel with context', 'Advanced Excel skills (pivot tables).', 'Microsoft Excel'],
    ['Swift in iOS context', 'Build iOS apps in Swift.', 'Swift'],
    ['Rust with systems code', 'Systems programming in Rust and C++.', 'Rust'],
    ['C with C++', 'Embedded firmware in C and C++.', 'C'],
    ['Spring framework', 'Java with Spring and Hibernate.', 'Spring'],
    ['Chef config management', 'Configuration management with Chef and Ansible.', 'Chef'],
    ['Express with Node', 'APIs built with Node.js and Express.', 'Express.js'],
    ['React in a stack', 'Frontend: React, Redux, TypeScript.', 'React'],
    ['Less with CSS', 'Styles in CSS and Less.', 'Less'],
    ['Epic with EHR', 'Charting in Epic and other EHR systems.', 'Epic Systems'],
    ['ML acronym', 'Experience shipping ML models.', 'Machine Learning'],
  ])('still finds %s', (_label, text, skill) => {
    expect(names(text)).toContain(skill);
  });
});

describe('extractSkills: evidence', () => {
  it('returns spans that point into the input, one entry per skill', () => {
    const text = 'Python required.\n\nWe love   Python and  machine\n learning.';
    const skills = extractSkills(text);
    expect(skills.map((s) => s.name)).toEqual(['Python', 'Machine Learning']);
    for (const skill of skills) {
      for (const ev of skill.evidence) expect(text.slice(ev.start, ev.end)).toBe(ev.text);
    }
    expect(skills[0]!.evidence).toHaveLength(2);
    expect(skills[1]!.evidence[0]!.text).toBe('machine\n learning');
    expect(skills[0]!.category).toBe('software');
  });

  it('handles empty and skill-free text', () => {
    expect(extractSkills('')).toEqual([]);
    expect(extractSkills('We are a friendly team in Berlin.')).toEqual([]);
  });
});

describe('extractSkills: requirement detection', () => {
  const req = (text: string) => Object.fromEntries(extractSkills(text).map((s) => [s.name, s.requirement]));

  it('uses section headings', () => {
    const text = 'About us\nWe build with Docker.\n\nRequirements:\n- Python\n- SQL\n\nNice to have:\n- Kafka\n- Terraform\n';
    expect(req(text)).toEqual({ Docker: 'unspecified', Python: 'required', SQL: 'required', Kafka: 'nice-to-have', Terraform: 'nice-to-have' });
  });

  it('uses cues in the sentence, before or after the skills', () => {
    expect(req('Python and SQL are required; Kafka is a plus.')).toEqual({ Python: 'required', SQL: 'required', Kafka: 'nice-to-have' });
    expect(req('Must have Java, Spring Boot. Bonus: Kotlin.')).toEqual({ Java: 'required', 'Spring Boot': 'required', Kotlin: 'nice-to-have' });
    expect(req('Python required, Go preferred')).toEqual({ Python: 'required', Go: 'nice-to-have' });
    expect(req('Experience with GraphQL would be great.')).toEqual({ GraphQL: 'nice-to-have' });
    expect(req('Docker knowledge is not required.')).toEqual({ Docker: 'nice-to-have' });
    expect(req('Preferred qualifications:\n- AWS\n- Strong SQL')).toEqual({ AWS: 'nice-to-have', SQL: 'nice-to-have' });
  });

  it('leaves unqualified skills unspecified and keeps the strongest qualifier', () => {
    expect(req('We use Docker daily.')).toEqual({ Docker: 'unspecified' });
    expect(req('You will use Kafka. Kafka experience required.')).toEqual({ Kafka: 'required' });
  });
});

describe('summarizeSkills', () => {
  it('counts unspecified as required and sorts/de-duplicates names', () => {
    const summary = summarizeSkills(extractSkills('Requirements: Python, SQL. We use Docker. Kafka is a plus. Python again.'));
    expect(summary).toEqual({
      all: ['Docker', 'Kafka', 'Python', 'SQL'],
      required: ['Docker', 'Python', 'SQL'],
      niceToHave: ['Kafka'],
    });
  });

  it('lets required win when the same skill appears twice in merged lists', () => {
    const summary = summarizeSkills([
      { name: 'Go', category: 'software', requirement: 'nice-to-have', evidence: [] },
      { name: 'Go', category: 'software', requirement: 'required', evidence: [] },
    ]);
    expect(summary).toEqual({ all: ['Go'], required: ['Go'], niceToHave: [] });
  });
});
