import type { SkillSource } from './format';

/** Schools, early years, special education and higher education (hand-curated). */
export const EDUCATION: SkillSource = {
  category: 'education',
  lines: `
!Teaching | classroom teaching, teaching experience, teach 7th and 8th grade, teaching students, instruction delivery | | Lesson Planning
Lesson Planning | lesson plans, plan lessons, lesson design, unit planning | Teaching | Curriculum Planning
Curriculum Planning | curriculum design, play-based curriculum, curriculum mapping, scope and sequence | Teaching |
Differentiated Instruction | differentiate instruction, differentiation, differentiated learning, differentiated teaching | Teaching |
Classroom Management | managed a class, behavior management, behaviour management, classroom behavior management | Teaching | PBIS
Formative Assessment | formative assessments, assessment data, formative assessment data, checks for understanding, summative assessment | Teaching |
Common Core | Common Core State Standards, =CCSS, aligned to Common Core | Teaching |
English Language Learners | English learners, =ELL, =ELLs, =EL students, English language learner | Teaching | ESL
ESL | =ESL endorsement, English as a second language, =ESOL, =TESOL, =TEFL | English Language Learners |
Individualized Education Programs | =IEP, =IEPs, individualized education program, individualised education plans, =504 plans | Special Education |
Special Education | =SPED, special needs education, self-contained classroom, inclusion classroom, exceptional student education | Teaching |
Autism Support | students with autism, autism spectrum disorder, =ASD support, autism | Special Education | Applied Behavior Analysis
Applied Behavior Analysis | =ABA, =ABA therapy, =ABA data, applied behaviour analysis, discrete trial training | Special Education |
Behavior Intervention Plans | behavior intervention plan, behaviour intervention plans, =BIP, =BIPs, functional behavior assessment, =FBA | Special Education |
Registered Behavior Technician | =RBT, =RBT certification, registered behaviour technician | Applied Behavior Analysis |
Crisis Prevention Intervention | =CPI training, Crisis Prevention Institute, nonviolent crisis intervention, de-escalation training, =CPI certified | |
PBIS | =PBIS, positive behavioral interventions and supports, positive behaviour support | Classroom Management |
Literacy Instruction | literacy centers, literacy centres, reading instruction, phonics instruction, early literacy | Teaching | Guided Reading
Guided Reading | guided reading groups | Literacy Instruction |
Orton-Gillingham | Orton Gillingham, Orton-Gillingham approach, structured literacy | Literacy Instruction |
Mathematics | 7th and 8th grade math, mathematics instruction, math instruction, math teacher | | Statistics
Elementary Education | elementary teacher, elementary school teaching, primary education, primary school teaching | Teaching |
Early Childhood Education | early childhood educator, preschool teaching, early years education, early childhood | Teaching | Child Development Associate
Developmental Assessment | developmental assessments, developmental screening, developmental milestones | Early Childhood Education |
Child Development Associate | =CDA, =CDA credential, Child Development Associate credential | Early Childhood Education |
Child Care Licensing | state licensing, licensing standards, child care regulations, childcare licensing | Early Childhood Education |
NAEYC | =NAEYC standards, =NAEYC accreditation | Early Childhood Education |
Creative Curriculum | The Creative Curriculum | Curriculum Planning |
Teaching Strategies GOLD | =TS GOLD, Teaching Strategies | Developmental Assessment |
Teaching Certification | teaching certificate, teaching license, teaching licence, state teaching certification, teacher certification, teaching credential, =QTS | Teaching |
Parent Communication | communicated with families, family communication, parent-teacher conferences, family engagement, communicating with parents | Teaching | Communication
ADDIE | =ADDIE model, Analysis Design Development Implementation Evaluation | Training and Development |
Quality Matters | Quality Matters standards, =QM rubric | Training and Development |
Online Course Development | online delivery, online courses, course development, e-learning development, eLearning development, online learning | Training and Development |
Faculty Development | faculty workshops, faculty training, professional development workshops | Training and Development |
Articulate Storyline | Storyline 360, Articulate 360, Articulate Rise | Training and Development |
Camtasia | TechSmith Camtasia | Training and Development |
Canvas LMS | Instructure Canvas, ?Canvas, Canvas learning management system | Learning Management Systems |
Learning Management Systems | =LMS, learning management system, =LMS administration, Moodle, Blackboard Learn, Brightspace, D2L | |
Google Classroom | Google for Education, G Suite for Education | Learning Management Systems |
ClassDojo | Class Dojo | Parent Communication |
Seesaw | =Seesaw | Learning Management Systems |
IXL | =IXL Learning | Teaching |
Desmos | Desmos graphing calculator | Mathematics |
SMART Board | SMART Boards, Smartboard, Smartboards, interactive whiteboard, interactive whiteboards, Promethean board | Teaching |
Student Records | student records management, transcripts, processed transcripts, enrollment verifications, enrolment verification, academic records | | FERPA
Degree Audit | degree audits, audited degree plans, degree plan audits, degree auditing | Student Records |
DegreeWorks | Degree Works, Ellucian Degree Works | Degree Audit |
Ellucian Banner | =Banner, Banner Student, Ellucian Banner ERP, Banner ERP | Student Records |
FERPA | =FERPA compliance, Family Educational Rights and Privacy Act | Student Records |
Argos | =Argos reporting, Evisions Argos | Student Records |
`,
};
