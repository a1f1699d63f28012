import { buildTaxonomy, getSkillTaxonomy, TaxonomyError } from './taxonomy';
import { SKILL_SOURCES } from './data';
import { parseSkillSource } from './taxonomy';

describe('built-in taxonomy', () => {
  const taxonomy = getSkillTaxonomy();
  const all = taxonomy.all();

  it('has at least 600 skills covering every category', () => {
    expect(all.length).toBeGreaterThanOrEqual(600);
    const categories = new Set(all.map((s) => s.category));
    for (const c of ['software', 'data-ml', 'cloud-devops', 'security', 'design', 'product', 'sales-marketing', 'finance', 'healthcare', 'trades']) {
      expect(categories).toContain(c);
      expect(all.filter((s) => s.category === c).length).toBeGreaterThanOrEqual(15);
    }
  });

  it('has unique names and no alias shared between skills (case-insensitive)', () => {
    const owner = new Map<string, string>();
    for (const skill of all) {
      for (const term of [skill.name, ...skill.aliases]) {
        const k = term.toLowerCase();
        const prev = owner.get(k);
        if (prev !== undefined) expect(prev).toBe(skill.name);
        owner.set(k, skill.name);
      }
    }
    expect(new Set(all.map((s) => s.name)).size).toBe(all.length);
  });

  it('only relates to skills that exist, never to itself', () => {
    const names = new Set(all.map((s) => s.name));
    for (const skill of all) {
      for (const ref of [...skill.parents, ...skill.related]) {
        expect(names.has(ref) ? ref : `${skill.name} -> missing ${ref}`).toBe(ref);
        expect(ref).not.toBe(skill.name);
      }
    }
  });

  it('resolves the aliases named in the issue', () => {
    const cases: [string, string][] = [
      ['k8s', 'Kubernetes'],
      ['JS', 'JavaScript'],
      ['ECMAScript', 'JavaScript'],
      ['Postgres', 'PostgreSQL'],
      ['ML', 'Machine Learning'],
      ['React.js', 'React'],
      ['ReactJS', 'React'],
      ['golang', 'Go'],
      ['KUBERNETES', 'Kubernetes'],
      ['  node js ', 'Node.js'],
    ];
    for (const [alias, name] of cases) expect(taxonomy.get(alias)?.name).toBe(name);
    expect(taxonomy.get('no such skill')).toBeUndefined();
  });

  it('knows parents and related skills in both directions', () => {
    expect(taxonomy.get('Django')!.parents).toContain('Python');
    expect(taxonomy.get('Next.js')!.parents).toContain('React');
    expect(taxonomy.relatedTo('Django')).toEqual(expect.arrayContaining(['Python', 'Flask']));
    // children: Python is the parent of Django
    expect(taxonomy.relatedTo('python')).toEqual(expect.arrayContaining(['Django', 'pandas']));
    expect(taxonomy.relatedTo('React')).not.toContain('React');
    expect(taxonomy.relatedTo('unknown')).toEqual([]);
  });

  it('ranks autocomplete results: exact, then prefix, then substring', () => {
    expect(taxonomy.search('java')[0]!.name).toBe('Java');
    expect(taxonomy.search('java').map((s) => s.name)).toContain('JavaScript');
    expect(taxonomy.search('k8s')[0]!.name).toBe('Kubernetes');
    expect(taxonomy.search('learning').map((s) => s.name)).toEqual(expect.arrayContaining(['Machine Learning', 'Deep Learning']));
    expect(taxonomy.search('py', 3)).toHaveLength(3);
    expect(taxonomy.search('')).toEqual([]);
    // names that never match in text on their own are still searchable
    expect(taxonomy.search('sales')[0]!.name).toBe('Sales');
  });
});

describe('taxonomy validation', () => {
  it('rejects an alias shared by two skills', () => {
    expect(() =>
      buildTaxonomy([{ category: 'software', lines: 'Alpha | shared\nBeta | Shared' }]),
    ).toThrow(TaxonomyError);
  });

  it('rejects a relation to an unknown skill', () => {
    expect(() => buildTaxonomy([{ category: 'software', lines: 'Alpha | | Gamma' }])).toThrow(/unknown skill "Gamma"/);
  });

  it('rejects malformed lines and unknown categories', () => {
    expect(() => buildTaxonomy([{ category: 'software', lines: 'A | b | | | extra' }])).toThrow(TaxonomyError);
    expect(() => buildTaxonomy([{ category: 'astrology' as never, lines: 'A' }])).toThrow(TaxonomyError);
  });

  it('parses markers into matching modes without keeping them in the data', () => {
    const [go] = parseSkillSource({ category: 'software', lines: 'Go | ?Go, Golang | | ' });
    expect(go!.definition).toEqual({ name: 'Go', category: 'software', aliases: ['Golang'], parents: [], related: [] });
    expect(go!.terms.find((t) => t.text === 'Go')!.mode).toBe('needs-context');
    const [sales] = parseSkillSource({ category: 'sales-marketing', lines: '!Sales | sales experience' });
    expect(sales!.terms.map((t) => t.text)).toEqual(['sales experience']);
  });

  it('every built-in source parses on its own', () => {
    for (const source of SKILL_SOURCES) expect(parseSkillSource(source).length).toBeGreaterThan(10);
  });
});
