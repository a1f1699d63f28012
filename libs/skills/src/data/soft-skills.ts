import type { SkillSource } from './format';

// Soft skills match only in phrasings that name them as a skill ("communication skills", not "communicate").
export const SOFT_SKILLS: SkillSource = {
  category: 'soft-skills',
  lines: `
!Communication | communication skills, communication and interpersonal skills, excellent communication, strong communication, effective communication, good communication, clear communication, written communication, verbal communication, oral communication, written and verbal communication, verbal and written communication, strong communicator, excellent communicator, interpersonal communication, communicating with stakeholders | | Public Speaking, Presentation Skills
!Leadership | leadership experience, strong leadership, proven leadership, demonstrated leadership, leadership abilities, leadership skills, team leadership, leading teams, lead a team, led a team, technical leadership, thought leadership | | People Management, Mentoring
People Management | managing people, line management, team management, managing teams, managing a team, direct reports, people leadership | Leadership | Mentoring, Performance Management
Mentoring | mentorship, coaching, mentoring junior engineers, mentoring others, mentored, mentor junior | Leadership |
Teamwork | team player, collaboration skills, cross-functional collaboration, working in teams, collaborative mindset | | Communication
Problem Solving | problem-solving, problem solving skills, analytical problem solving, solving complex problems, troubleshooting skills | | Critical Thinking
Critical Thinking | analytical thinking, analytical skills, analytical mindset | | Problem Solving
Time Management | prioritization, prioritisation, managing priorities, multitasking, multi-tasking, organizational skills, organisational skills | |
Attention to Detail | detail-oriented, detail oriented, attention to details, meticulous | |
Public Speaking | presenting to audiences, speaking engagements | Communication | Presentation Skills
Presentation Skills | delivering presentations, presenting to executives | Communication | Public Speaking
Negotiation | negotiation skills, negotiating | | Contract Negotiation
Conflict Resolution | conflict management, de-escalation, resolving conflicts | | Negotiation
Customer Service | customer support, client service, customer care, customer-facing, customer experience, =CX, guest service, guest services | | Communication
Adaptability | ability to adapt | |
Creativity | creative thinking, creative problem solving | |
Decision Making | decision-making, sound judgment, sound judgement | |
Emotional Intelligence | =EQ, empathy, emotional intelligence skills | |
Work Ethic | strong work ethic, self-motivated, self-starter, self-starter attitude | |
Customer Focus | customer-centric, customer obsession, customer centricity | | Customer Service
Cross-Cultural Communication | intercultural communication, cultural awareness | Communication |
Troubleshooting | troubleshoot, troubleshooting issues, diagnosing problems, fault finding, root cause analysis, RCA | | Problem Solving
Bilingual | bilingual Spanish, fluent Spanish, Spanish language, fluent in Spanish, Spanish-speaking, bilingual English/Spanish | | Translation
Writing Skills | strong writer, excellent writing, editing and proofreading, proofreading | | Communication
!Research Skills | research skills, desk research, literature review, literature reviews | |
`,
};
