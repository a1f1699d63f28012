import type { SkillSource } from './format';

/** Government, public safety, social services and utilities (hand-curated). */
export const PUBLIC_SECTOR: SkillSource = {
  category: 'public-sector',
  lines: `
Emergency Dispatch | 911 dispatch, 911 dispatcher, emergency communications, public safety dispatch, emergency dispatcher, answer emergency and non-emergency calls | | Call Triage
Call Triage | triage calls, call-taking, call taking, call prioritization | Emergency Dispatch |
Emergency Medical Dispatch | =EMD, =EMD protocols, emergency medical dispatcher | Emergency Dispatch |
Computer-Aided Dispatch | =CAD system, CAD dispatch, computer aided dispatch, =CAD/RMS | Emergency Dispatch |
APCO Certification | =APCO, APCO certified, =APCO Public Safety Telecommunicator, =PST certification | Emergency Dispatch |
NCIC | =NCIC, =NCIC/TCIC, =TCIC, National Crime Information Center | Emergency Dispatch |
Tyler New World | New World Systems, Tyler Technologies New World | Computer-Aided Dispatch |
Tyler Munis | =Munis, Tyler Technologies Munis | Government Finance |
Government Finance | fund accounting, governmental accounting, =GASB, public finance | | Budgeting
Firefighting | firefighter, structure fires, fire suppression, fire fighting, fire-fighting, wildland firefighting | | Emergency Medical Services
Vehicle Extrication | vehicle extrications, auto extrication, extrication | Firefighting |
Firefighter I/II Certification | Firefighter I and II, Firefighter I, Firefighter II, =NFPA 1001, =FF1, =FF2 | Firefighting |
SCBA | =SCBA, self-contained breathing apparatus | Firefighting |
Pump Operations | pump operator, driver/operator, apparatus operator, fire pump operations | Firefighting |
Community Outreach | community groups, community education, public outreach, outreach programs | | Community Engagement
Community Engagement | public engagement, public engagement meetings, stakeholder engagement meetings, community meetings, public participation | | Public Speaking
Grant Management | grants management, manage federal and state grants, grant administration, grants administrator, post-award management, grant compliance | | Grant Writing
Grant Reporting | progress reports, grant reports, federal financial reports, =SF-425 | Grant Management |
Uniform Guidance | =2 CFR 200, 2 CFR Part 200, =OMB Uniform Guidance | Grant Management |
Subrecipient Monitoring | subrecipient monitoring, sub-recipient monitoring, subaward monitoring | Grant Management |
Payment Management System | =PMS drawdowns, HHS Payment Management System, drawdowns in the Payment Management System | Grant Management |
Urban Planning | city planning, town planning, city planner, land use planning, urban planner | | Zoning
Zoning | zoning variance, zoning variances, zoning codes, zoning ordinances, zoning administration, land use | Urban Planning |
Site Plan Review | site plans, reviewed site plans, site plan reviews, development review | Urban Planning |
Comprehensive Planning | comprehensive plan, comprehensive plans, general plan, master plan, master planning | Urban Planning |
AICP | =AICP certified, American Institute of Certified Planners | Urban Planning |
Eligibility Determination | determine eligibility, eligibility determinations, benefits eligibility, eligibility interviews, eligibility specialist | | Case Management
Income Verification | verify income, income verification, verification of income, household composition | Eligibility Determination |
SNAP | =SNAP, =SNAP benefits, Supplemental Nutrition Assistance Program, food stamps | Eligibility Determination |
TANF | =TANF, Temporary Assistance for Needy Families | Eligibility Determination |
Medicaid | Medicaid eligibility, =CHIP | | Eligibility Determination
Case Notes | case notes, document case notes, case documentation, progress notes | Case Management |
Probation Supervision | probation officer, probation, parole supervision, community supervision, supervising offenders | | Risk Assessment
Caseload Management | caseload, caseloads, manage a caseload, managing caseloads | Case Management |
LSI-R | =LSI-R, Level of Service Inventory-Revised | Risk Assessment |
ORAS | =ORAS, Ohio Risk Assessment System | Risk Assessment |
Pre-Sentence Investigations | pre-sentence investigation reports, pre-sentence investigation, =PSI reports, presentence investigations | Probation Supervision |
Drug Testing | drug screens, drug screening, urinalysis testing | Probation Supervision |
Court Testimony | testified in court, court testimony, testifying in court, expert testimony | |
Water Treatment | water treatment plant, water treatment operations, water purification, drinking water treatment | | Water Sampling
Wastewater Treatment | wastewater operations, wastewater plant, sewage treatment | | Water Treatment
Filtration | water filtration, membrane filtration, filtration systems | Water Treatment |
Chlorination | disinfection, chlorine dosing, chloramination | Water Treatment |
Water Sampling | collect samples, sample collection, water quality sampling, water quality testing | Water Treatment |
Water Treatment Operator License | water treatment operator license, water operator certification, Grade III water treatment operator, treatment operator license | Water Treatment |
Report Writing | staff reports, report preparation | |
Typing | typing test, typing speed, =WPM, touch typing | |
`,
};
