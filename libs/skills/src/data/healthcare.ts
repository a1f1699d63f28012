import type { SkillSource } from './format';

export const HEALTHCARE: SkillSource = {
  category: 'healthcare',
  lines: `
Patient Care | direct patient care, bedside care, patient-centered care, patient centred care, hands-on patient care | | Vital Signs, Patient Education
Nursing | =RN license, active RN license, state RN license, registered nurse license, =RN licensure, registered nursing, nursing care, nursing practice, nursing skills, registered nurse, =RN, =LPN, nurse, licensed practical nurse | Patient Care | Care Planning
Vital Signs | taking vital signs, vitals monitoring, monitoring vital signs, vital sign monitoring | Patient Care |
Medication Administration | administering medications, medication management, medication pass, med pass, drug administration, administer medications, administering medication, administer medication | Nursing | Pharmacology
IV Therapy | IV insertion, IV starts, intravenous therapy, IV administration, peripheral IV | Nursing | Phlebotomy
Phlebotomy | venipuncture, blood draws, blood drawing, specimen collection, phlebotomist | | IV Therapy
Wound Care | wound management, wound dressing, dressing changes, wound assessment | Nursing |
Patient Assessment | patient assessments, clinical assessment, health assessment, nursing assessment, head-to-toe assessment | Nursing | Triage
Triage | ?Triage, patient triage, emergency triage, triage nursing | Patient Assessment |
Care Planning | care plans, nursing care plans, plan of care | Nursing | Case Management
Case Management | care coordination, care management, discharge planning, utilization review | | Care Planning
Patient Education | patient teaching, health education, health promotion | Patient Care |
Infection Control | infection prevention, sterile technique, aseptic technique, universal precautions, sterilization, sterilisation | |
CPR | =CPR, cardiopulmonary resuscitation | Basic Life Support |
Basic Life Support | =BLS, BLS certification, BLS certified | | CPR, Advanced Cardiac Life Support
Advanced Cardiac Life Support | =ACLS, ACLS certification, ACLS certified | Basic Life Support |
Pediatric Advanced Life Support | =PALS, PALS certification | Basic Life Support | Pediatrics
First Aid | first-aid, first aid certification, first aid certified | | CPR
Electronic Health Records | =EHR, EHRs, =EMR, EMRs, electronic medical records, electronic health record, EHR systems, EMR systems, health records systems | Medical Records | Epic Systems, Cerner
Epic Systems | ?Epic, Epic Systems Corporation, EpicCare, Epic certification, Epic Resolute, Resolute billing | Electronic Health Records |
Cerner | Oracle Cerner, Cerner EHR, Cerner Millennium | Electronic Health Records |
Meditech | MEDITECH | Electronic Health Records |
Medical Records | health information management, =HIM, medical records management, patient records, charting, clinical documentation | | Electronic Health Records
Medical Terminology | medical vocabulary | | Medical Coding
Medical Coding | =ICD-10, ICD10, ICD-10-CM, =CPT, CPT coding, HCPCS, clinical coding, diagnosis coding, procedure coding, =CPC, certified professional coder | Medical Records | Medical Billing
Medical Billing | healthcare billing, insurance billing, claims submission, revenue cycle management, =RCM, insurance verification, prior authorization, prior authorizations | | Medical Coding
Pharmacology | pharmacotherapy, drug interactions, medication knowledge | | Medication Administration
Pharmacy | dispensing, prescription processing, pharmacy technician skills, compounding, pharmacy operations, pharmacy technician | | Pharmacology
Clinical Research | clinical trials, clinical trial management, Good Clinical Practice, =ICH-GCP, clinical study management, =CRA | | Regulatory Affairs
Regulatory Affairs | =FDA regulations, FDA submissions, regulatory submissions, 510(k), IND submissions | Regulatory Compliance | Clinical Research
Pharmacovigilance | drug safety, adverse event reporting | Clinical Research |
Medical Devices | medical device, =ISO 13485, medical device regulations | | Regulatory Affairs
Laboratory Techniques | lab techniques, laboratory skills, =PCR, ELISA, cell culture, tissue culture, Western blot, Western blotting, microscopy, chromatography, =HPLC, pipetting | | Clinical Laboratory
Clinical Laboratory | clinical lab, medical laboratory, laboratory testing, specimen processing, lab testing, =CLIA | | Laboratory Techniques
Radiology | diagnostic imaging, medical imaging, X-ray, x-rays, CT scans, =MRI, ultrasound, sonography, radiography, mammography | |
Telemetry | cardiac monitoring, =EKG, =ECG, electrocardiogram, =EKG interpretation, rhythm interpretation | | Critical Care
Critical Care | =ICU, intensive care, critical care nursing | Nursing | Telemetry
Emergency Medicine | emergency room, emergency department, =ED nursing, emergency care, trauma care | | Triage
Medical-Surgical Nursing | med-surg, med/surg, medical surgical, Med Surg | Nursing |
Pediatrics | pediatric care, paediatrics, pediatric nursing | | Pediatric Advanced Life Support
Geriatrics | geriatric care, elderly care, elder care, eldercare, gerontology, senior care, long-term care, dementia care, memory care | Patient Care |
Obstetrics | labor and delivery, =L&D nursing, maternity care, prenatal care, postpartum care, OB/GYN | |
Oncology | cancer care, oncology nursing, chemotherapy administration | |
Mental Health | behavioral health, behavioural health, psychiatric care, psychiatric nursing, crisis intervention, mental health counseling | | Counseling
Counseling | counselling, therapy sessions, psychotherapy, =CBT, cognitive behavioral therapy, dialectical behavior therapy, motivational interviewing, trauma-informed care | Mental Health |
Social Work | case work, casework, =LCSW, =MSW, psychosocial assessment | | Case Management
Physical Therapy | physiotherapy, rehabilitation, rehab, therapeutic exercise, manual therapy, physical therapist, physiotherapist | | Occupational Therapy
Occupational Therapy | occupational therapist skills, activities of daily living, =ADLs, =ADL | | Physical Therapy
Speech Therapy | speech-language pathology, speech language pathology, =SLP | |
Respiratory Therapy | ventilator management, mechanical ventilation, airway management, oxygen therapy | | Critical Care
Dental Hygiene | dental cleaning, teeth cleaning, periodontal care, dental hygienist skills, dental hygienist | | Dental Assisting
Dental Assisting | chairside assisting, dental radiography, dental x-rays | | Dental Hygiene
Emergency Medical Services | =EMT, =EMS, Emergency Medical Technician, paramedic, pre-hospital care, =EMT-B, =NREMT | | Basic Life Support
Home Health Care | home health, home care, personal care, =CNA, certified nursing assistant, patient transfers | Patient Care | Geriatrics
Medical Assisting | medical assistant skills, =CMA, rooming patients, medical assistant | Patient Care | Vital Signs
Anesthesia | anesthesiology, anaesthesia, sedation | |
Surgery | surgical procedures, operating room, =OR nursing, perioperative care, scrubbing in, surgical assisting | | Infection Control
Nutrition | dietetics, clinical nutrition, meal planning, diet planning, nutritional counseling | |
Public Health | epidemiology, population health, health policy, community health | | Statistics
Healthcare Administration | healthcare management, hospital administration, practice management, clinic management | | Medical Billing
Patient Scheduling | scheduling patients, appointment scheduling, patient registration, front desk medical | | Medical Billing
Telehealth | telemedicine, virtual care | |
Diabetes Management | diabetes education, diabetic care, insulin administration | Patient Care |
Veterinary Care | veterinary, animal care, vet tech, veterinary technician skills, animal handling | |
Licensed Practical Nurse License | =LPN license, =LVN, licensed vocational nurse, =LPN/LVN | Nursing |
Acute Care | acute care experience, acute care hospital, acute care setting, inpatient care | Nursing |
Central Line Care | central line care, central lines, =PICC line care, =CVC care, central venous catheter | IV Therapy |
Hoyer Lift | Hoyer lifts, mechanical lift transfers, patient lift, Hoyer lift transfers | Patient Care |
Fall Prevention | falls prevention, fall risk assessment, fall precautions | Patient Care |
Pyxis MedStation | =Pyxis, Pyxis MedStation ES, automated dispensing cabinets, Omnicell | Medication Administration |
Vocera | Vocera badges, Vocera badge | |
PointClickCare | Point Click Care, =PCC | Electronic Health Records |
Medical Laboratory Science | medical laboratory scientist, =MLS, =MLT, medical technologist, clinical laboratory scientist | Clinical Laboratory |
Clinical Chemistry | chemistry analyzers, clinical chemistry testing | Clinical Laboratory |
Hematology | hematology analyzers, haematology, complete blood count, =CBC | Clinical Laboratory |
Blood Banking | blood bank, blood bank procedures, transfusion medicine, immunohematology | Clinical Laboratory |
ASCP Certification | =ASCP, =ASCP certified, =MLS(ASCP), =BOC certification | Medical Laboratory Science |
Sunquest Laboratory | Sunquest, Sunquest laboratory information system, Sunquest LIS | Clinical Laboratory |
Laboratory Information Systems | laboratory information system, =LIS, =LIMS, laboratory information management system | Clinical Laboratory |
Beckman Coulter AU680 | Beckman Coulter, Beckman AU680, =AU680 | Clinical Chemistry |
Sysmex XN | Sysmex, Sysmex XN-series | Hematology |
Radiologic Technology | radiologic technologist, radiographer, radiologic technology, =RT(R), rad tech | Radiology |
ARRT Certification | =ARRT, =ARRT (R), ARRT registered, =ARRT (R)(CT), =ARRT(R)(CT) | Radiologic Technology |
Computed Tomography | =CT exams, =CT scanning, computed tomography, =CT technologist | Radiology |
PACS | =PACS, picture archiving and communication system, Centricity PACS, GE Centricity PACS | Radiology |
Radiation Safety | =ALARA, radiation protection, radiation safety practice | Radiology |
Contrast Administration | contrast injection, contrast media, IV contrast | Radiology |
Patient Positioning | positioning patients, patient positioning for | Radiology |
Joint Commission Standards | Joint Commission, =TJC, =JCAHO, Joint Commission survey, Joint Commission accreditation | | Infection Control
Denial Management | work denials, claim denials, denials management, denied claims, appeals and denials | Medical Billing |
3M Encoder | 3M encoder software, 3M CodeFinder, 3M 360 Encompass | Medical Coding |
PTCB Certification | =PTCB, =PTCB certified, =ExCPT | Pharmacy |
Sterile Compounding | sterile compounding, =IV admixtures, sterile IV admixtures, clean room compounding, aseptic compounding | Pharmacy |
USP 797 | =USP 797, =USP <797>, =USP 800 | Sterile Compounding |
Controlled Substances | controlled substance inventory, controlled substance counts, =DEA regulations, narcotics counts | Pharmacy |
QS/1 | =QS/1, QS1 pharmacy system | Pharmacy |
Rx30 | =Rx30 | Pharmacy |
Orthopedics | orthopaedics, outpatient orthopedics, orthopedic rehabilitation, sports injury, sports medicine | Physical Therapy |
Home Exercise Programs | home exercise program, =HEP, =HEPs | Physical Therapy |
WebPT | =WebPT | Physical Therapy |
Doctor of Physical Therapy | =DPT, state PT license, physical therapist license | Physical Therapy |
McKenzie Method | McKenzie, Maitland, =MDT, mechanical diagnosis and therapy | Physical Therapy |
Dry Needling | dry needling certification | Physical Therapy |
`,
};
