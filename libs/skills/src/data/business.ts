import type { SkillSource } from './format';

export const BUSINESS: SkillSource = {
  category: 'business',
  lines: `
Project Management | project planning, project delivery, managing projects, project coordination, =PMP, Project Management Professional, PRINCE2, project manager | | Agile, Stakeholder Management
Program Management | programme management, program managers, portfolio and program management | Project Management |
Agile | Agile methodologies, Agile methodology, agile methods, agile practices, agile teams, agile environment, agile environments | | Scrum, Kanban
Scrum | Scrum Master, CSM, Certified ScrumMaster, sprint planning, scrum ceremonies | Agile | Kanban
Kanban | | Agile | Scrum
SAFe | =SAFe, Scaled Agile Framework, Scaled Agile | Agile |
Waterfall | waterfall methodology | Project Management |
Lean | =Lean, Lean methodology, lean principles, Lean manufacturing, Kaizen | | Six Sigma
Six Sigma | Lean Six Sigma, Six Sigma Green Belt, Six Sigma Black Belt, DMAIC | | Lean
Jira | JIRA, Jira Software, Atlassian Jira | | Agile, Confluence
Confluence | =Confluence, Atlassian Confluence | | Jira
Asana | =Asana | | Project Management
Trello | | | Kanban
Monday.com | monday.com | | Project Management
Microsoft Project | MS Project, MSP | Project Management |
Smartsheet | | | Project Management
Notion | =Notion | |
Miro | =Miro, Mural | |
Microsoft Excel | ?Excel, MS Excel, Excel spreadsheets, Excel formulas, advanced Excel, =EXCEL, Microsoft Office Excel | Microsoft Office | VBA, Power BI
VBA | Visual Basic for Applications, Excel macros | Microsoft Excel | Visual Basic
Power Query | | Microsoft Excel | Power BI
Microsoft Office | MS Office, Office suite, Microsoft Office Suite, Microsoft Word, MS Word, PowerPoint, MS PowerPoint, Outlook | |
Standard Operating Procedures | =SOP, =SOPs, SOP writing, operating procedures | |
Google Maps | Google Maps API | |
Google Workspace | G Suite, Google Sheets, Google Docs, Google Slides, GSuite | | Microsoft Office
SAP | =SAP, SAP ERP, SAP S/4HANA, S/4HANA, SAP HANA, SAP FICO, SAP MM, SAP SD | ERP Systems |
ERP Systems | =ERP, enterprise resource planning, ERP software, ERP implementation | | SAP, Oracle NetSuite
Oracle NetSuite | NetSuite, Oracle ERP, Oracle E-Business Suite, Oracle Fusion | ERP Systems |
Microsoft Dynamics | Dynamics 365, MS Dynamics, Dynamics NAV, Dynamics AX | ERP Systems | CRM
Workday | =Workday | | Human Resources
Business Analysis | business analyst skills, requirements gathering, requirements elicitation, business requirements, gap analysis, business process analysis, BRDs, business analyst | | Process Improvement, Stakeholder Management
Process Improvement | business process improvement, continuous improvement, process optimization, process optimisation, process re-engineering, BPR | | Lean, Six Sigma
Business Process Modeling | =BPMN, process mapping, process modeling, process modelling, workflow design | Business Analysis |
Change Management | organizational change management, change management process, ADKAR | | Stakeholder Management
Stakeholder Management | stakeholder engagement, stakeholder communication, managing stakeholders, stakeholder relationships | | Project Management
Strategic Planning | strategy development, business strategy, corporate strategy, strategic thinking | | Business Development
Operations Management | business operations, operational excellence, operations planning | | Process Improvement
Supply Chain Management | supply chain, =SCM, supply chain operations, supply chain planning | | Logistics, Procurement
Logistics | logistics management, logistics coordination, transportation management, freight, shipping and receiving | Supply Chain Management |
Procurement | purchasing, strategic sourcing, vendor selection, purchase orders | Supply Chain Management | Vendor Management
Vendor Management | supplier management, vendor relations, supplier relationship management, third-party management, vendor relationships | Procurement | Contract Negotiation
Inventory Management | inventory control, stock control, inventory planning, cycle counting, cycle counts, cycle count, inventory counts, inventory tracking | Supply Chain Management | Warehouse Operations
Demand Planning | demand forecasting, demand forecasts, S&OP, sales and operations planning | Supply Chain Management | Forecasting
Contract Management | contract administration, contract drafting, contract review, contracts management | | Contract Negotiation
Contract Negotiation | negotiating contracts, contract negotiations | Negotiation | Contract Management
Human Resources | =HR, HR management, human resource management, HRIS, people operations, HR operations | |
Recruiting | recruitment, talent acquisition, sourcing candidates, candidate sourcing, full-cycle recruiting, full cycle recruiting, technical recruiting, headhunting, recruiter | Human Resources | Interviewing
Interviewing | interview applicants, candidate interviews, behavioral interviewing, structured interviews | Recruiting |
Onboarding | employee onboarding, new hire onboarding | Human Resources |
Employee Relations | labor relations, labour relations | Human Resources |
Compensation and Benefits | compensation & benefits, benefits administration, total rewards, compensation planning | Human Resources | Payroll
Performance Management | performance reviews, performance appraisals | Human Resources | People Management
Training and Development | staff training, train staff, instructional designer, learning and development, =L&D, employee training, training delivery, instructional design, curriculum development | Human Resources |
Legal Research | Westlaw, LexisNexis, case law research | |
Regulatory Compliance | compliance management, regulatory requirements, compliance monitoring | | Risk Management
Data Entry | keyboarding, 10-key | |
Office Administration | administrative support, office management, clerical work, scheduling appointments, calendar management | | Data Entry
Event Planning | event management, event coordination, conference planning | |
Translation | translating, localization, localisation, interpretation services | |
Technical Writing | technical documentation, documentation writing, API documentation, user manuals, writing documentation, technical writer | | Copywriting
Grant Writing | grant proposals, proposal writing, RFP responses, RFPs | |
Real Estate | property management, real estate transactions | |
Consulting | management consulting, business consulting | |
Entrepreneurship | startup experience, founding a company | |
Business Development | =BD, biz dev, bizdev, new business development, partnership development, strategic partnerships | | Sales, Lead Generation
`,
};
