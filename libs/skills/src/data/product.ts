import type { SkillSource } from './format';

export const PRODUCT: SkillSource = {
  category: 'product',
  lines: `
Product Management | product manager skills, product ownership, managing products, digital product management, product manager | | Product Strategy, Roadmapping, User Stories
Product Strategy | product vision, product-led growth, =PLG | Product Management | Go-to-Market Strategy
Roadmapping | product roadmap, product roadmaps, roadmap planning, roadmaps | Product Management |
Product Discovery | discovery, continuous discovery, opportunity assessment | Product Management | User Research
User Stories | writing user stories, acceptance criteria, epics and user stories, backlog grooming, backlog refinement, backlog management, product backlog | Agile | Product Management
Product Owner | =PO, product ownership role, Certified Scrum Product Owner, CSPO | Scrum | Product Management
A/B Testing | AB testing, A/B tests, split testing, multivariate testing, experimentation | Experimental Design | Product Analytics
Product Analytics | Amplitude, Mixpanel, Heap, Pendo, product metrics, funnel analysis, cohort analysis | Data Analysis | A/B Testing
OKRs | =OKR, objectives and key results, KPIs, =KPI, KPI tracking | |
Go-to-Market Strategy | =go-to-market, =Go-to-Market, =Go-To-Market, =GTM, go-to-market strategy, GTM strategy, product launch, product launches, launch planning | Product Strategy | Product Marketing
Competitive Analysis | competitor analysis, competitive intelligence, competitive research, market analysis | | Market Research
Prioritization Frameworks | =RICE, MoSCoW, Kano model, feature prioritization | Product Management |
Requirements Definition | product requirements, =PRD, PRDs, product requirements documents, functional specifications, technical specifications, specs writing | Product Management | Business Analysis
Customer Development | customer interviews, jobs to be done, =JTBD, voice of the customer | Product Discovery | User Research
Pricing Strategy | pricing, pricing models, monetization, monetisation | Product Strategy |
Technical Product Management | technical product manager, platform product management | Product Management | Software Architecture
Growth | growth hacking, growth experiments, growth strategy, growth marketing | | A/B Testing
`,
};
