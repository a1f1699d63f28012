import type { SkillSource } from './format';

export const TRADES: SkillSource = {
  category: 'trades',
  lines: `
Welding | welding skills, welder skills, fabrication welding, structural welding, pipe welding, welder | | Metal Fabrication, Blueprint Reading
MIG Welding | =MIG, =GMAW, gas metal arc welding | Welding |
TIG Welding | =TIG, =GTAW, gas tungsten arc welding | Welding |
Stick Welding | =SMAW, shielded metal arc welding, arc welding | Welding |
Flux-Cored Welding | =FCAW, flux core welding, flux cored arc welding | Welding |
Metal Fabrication | fabrication, sheet metal, sheet metal fabrication, metalworking, metal work, plasma cutting, torch cutting, oxy-acetylene cutting, fabricator | | Welding
Blueprint Reading | reading blueprints, read blueprints, blueprints, technical drawings, schematics, reading schematics, read schematics, shop drawings | | Computer-Aided Design
Carpentry | finish carpentry, rough carpentry, woodworking, cabinetry, cabinet making, trim carpentry, carpenter | | Framing
Framing | wood framing, metal stud framing, rough framing | Carpentry |
Drywall | drywall installation, drywall finishing, taping and mudding, sheetrock | | Painting and Finishing
Painting and Finishing | painting, commercial painting, residential painting, spray painting, surface preparation, wall finishing | |
Masonry | bricklaying, brick laying, stonework, block laying, concrete masonry, mason, bricklayer | | Concrete Work
Concrete Work | concrete finishing, concrete pouring, formwork, rebar, rebar installation | | Masonry
Roofing | roof installation, roof repair, shingle installation, shingling, flat roofing | |
Flooring Installation | flooring, tile installation, tiling, tile setting, hardwood flooring, carpet installation | |
Plumbing | plumbing installation, plumbing repair, plumbing systems, backflow prevention, drain cleaning, plumber | | Blueprint Reading
Pipefitting | pipe fitting, pipefitter skills, steamfitting, process piping | Plumbing |
Electrical Wiring | wiring, electrical installation, electrical installations, residential wiring, commercial wiring, conduit bending, conduit installation, circuit installation | Electrical Systems |
Electrical Systems | electrical work, electrical maintenance, electrical systems maintenance, electrical repair, =AC/DC, low voltage, high voltage, three-phase power, 3-phase, electrician, three-phase | | Electrical Troubleshooting
Electrical Troubleshooting | troubleshooting electrical systems, electrical diagnostics, electrical fault finding | Electrical Systems | Troubleshooting
National Electrical Code | =NEC, NEC code, electrical code, electrical codes | Electrical Systems | Building Codes
Building Codes | building code, =IBC, code compliance, local codes | | Construction
Multimeter | multimeters, voltmeter, =DMM, test meters | Electrical Troubleshooting |
Soldering | hand soldering, through-hole soldering, =SMT soldering, =IPC-A-610, =J-STD-001 | | Electronics Assembly
Electronics Assembly | circuit board assembly, =PCB assembly, electronic assembly, electro-mechanical assembly, cable harness assembly, wire harness | | Soldering
PLC Programming | =PLC, =PLCs, programmable logic controllers, Allen-Bradley, Allen Bradley, Siemens S7, ladder logic, RSLogix, RSLogix 5000, Studio 5000 | Industrial Automation |
Industrial Automation | automation systems, =SCADA, =HMI, human machine interface, =HMI panels, control systems, industrial controls, motor controls, =VFD, =VFDs, variable frequency drives | | PLC Programming
Instrumentation | instrumentation and controls, process instrumentation, instrument calibration, equipment calibration, =I&C | Industrial Automation |
HVAC | =HVAC, =HVAC/R, =HVACR, heating and air conditioning, heating ventilation and air conditioning, =HVAC systems, air conditioning repair, ductwork, duct work | | Refrigeration
Refrigeration | commercial refrigeration, refrigeration systems, =EPA 608, EPA Section 608, refrigerant handling, refrigerant recovery | HVAC |
Boiler Operation | boilers, boiler maintenance, steam systems, stationary engineer skills | | HVAC
Solar Installation | solar panel installation, =PV installation, photovoltaic, solar PV, solar energy systems | Electrical Systems |
Machining | machinist skills, manual machining, lathe, lathes, milling machine, milling machines, =GD&T, precision machining, machinist | | CNC Machining
CNC Machining | =CNC, CNC machines, CNC operation, CNC programming, =G-code, G code, CNC lathe, CNC mill, Mastercam | Machining |
Precision Measurement | micrometers, calipers, precision measuring instruments, measuring tools, =CMM | Machining | Quality Inspection
Quality Inspection | quality control, =QC, quality inspections, visual inspection, first article inspection, =FAI | | Precision Measurement
Automotive Repair | auto repair, automotive maintenance, vehicle maintenance, vehicle repair, automotive diagnostics, brake repair, engine repair, oil changes, =ASE certification, =ASE certified | | Diesel Mechanics
Diesel Mechanics | diesel engine repair, diesel technician skills, heavy-duty diesel, diesel engines, heavy equipment repair, fleet maintenance, diesel technician, diesel mechanic | | Automotive Repair
Small Engine Repair | small engines, outdoor power equipment repair | | Automotive Repair
Aircraft Maintenance | =A&P, airframe and powerplant, A&P license, avionics | |
Preventive Maintenance | preventative maintenance, =PM schedules, planned maintenance, routine maintenance, scheduled maintenance | | Facilities Maintenance
Facilities Maintenance | building maintenance, general maintenance, maintenance technician skills, property maintenance, facility maintenance, handyman | | Preventive Maintenance
Hydraulics | hydraulic systems, pneumatics, pneumatic systems, hydraulic and pneumatic systems | | Industrial Maintenance
Industrial Maintenance | industrial maintenance technician skills, millwright, mechanical maintenance, machine maintenance, equipment maintenance, equipment repair | | Preventive Maintenance
Rigging | rigging and lifting, crane signaling, signalperson, load rigging | | Crane Operation
Crane Operation | crane operator skills, overhead crane, mobile crane, =NCCCO | | Rigging
Forklift Operation | forklift, forklifts, forklift certification, forklift certified, forklift operator, reach truck, order picker, pallet jack, pallet jacks, powered industrial trucks | | Warehouse Operations
Heavy Equipment Operation | heavy equipment, excavator, excavators, backhoe, backhoes, front-end loader, front-end loaders, front end loader, wheel loader, bulldozer, skid steer, loader operation, earthmoving | | Construction
Commercial Driving | =CDL, CDL-A, CDL Class A, Class A CDL, CDL Class B, commercial driver's license, commercial drivers license, tractor-trailer, truck driving | | Logistics
Warehouse Operations | warehousing, warehouse management, picking and packing, pick and pack, order picking, order fulfillment, pick, pack and ship, =WMS, loading and unloading | Logistics | Forklift Operation
OSHA Safety | =OSHA, OSHA 10, OSHA 30, OSHA regulations, OSHA standards, workplace safety, job site safety, jobsite safety, safety compliance, health and safety, =EHS, =HSE | | Lockout/Tagout
Lockout/Tagout | =LOTO, lockout tagout, lock out tag out, lockout-tagout | OSHA Safety |
Fall Protection | working at heights, scaffolding, scaffold erection, aerial lifts, scissor lift, boom lift | OSHA Safety |
Confined Space Entry | confined spaces, confined space | OSHA Safety |
Hazardous Materials Handling | =HAZMAT, hazardous materials, hazmat handling, hazmat endorsement, hazmat endorsements, Hazmat Operations, hazmat certification, =HAZWOPER, =WHMIS, =MSDS, =SDS | OSHA Safety |
Power Tools | power tool operation, hand and power tools, hand tools, table saw, circular saw | | Carpentry
Construction | construction experience, general construction, residential construction, commercial construction, construction site, construction management | | Building Codes
Construction Estimating | estimating, cost estimating, quantity takeoff, takeoffs, material takeoffs, bid preparation | Construction | Blueprint Reading
Surveying | land surveying, =GPS surveying, total station, site layout, construction layout | Construction |
Landscaping | lawn care, landscape maintenance, groundskeeping, irrigation systems, irrigation, tree trimming, gardening, horticulture | |
Janitorial | custodial, cleaning, janitorial services, floor care, commercial cleaning, housekeeping | |
Pest Control | pest management, exterminating, integrated pest management | |
Locksmithing | locksmith, lock installation, rekeying | |
Glazing | glass installation, window installation, glazier skills | Construction |
Insulation Installation | insulation, spray foam insulation | Construction |
Appliance Repair | appliance installation, appliance service | | Electrical Troubleshooting
Elevator Maintenance | elevator repair, escalator maintenance, elevator installation | Electrical Systems |
Fire Alarm Systems | fire alarm installation, fire protection systems, fire sprinkler systems, sprinkler fitting, =NICET | Electrical Systems |
Low Voltage Cabling | structured cabling, network cabling, cable pulling, =Cat6, Cat5e, fiber optic splicing, fiber optics | Electrical Wiring | Networking
Telecommunications Installation | telecom installation, cable installation, satellite installation | | Low Voltage Cabling
Culinary Skills | cooking, food preparation, food prep, knife skills, line cooking, culinary arts, menu planning, baking, line cook, prep cook, cook | | Food Safety
Food Safety | food handling, food handler certification, ServSafe, =HACCP, food safety standards, sanitation standards | | Culinary Skills
Bartending | mixology, cocktail preparation, =TIPS certification, =TIPS alcohol certification, TIPS certified | | Customer Service
Upholstery | furniture repair, sewing, tailoring, alterations | |
Printing Press Operation | press operation, offset printing, printing press, prepress | |
Assembly Line Work | assembly line, production line, manufacturing assembly, mechanical assembly, production work | | Quality Inspection
Manufacturing Processes | production processes, manufacturing processes, injection molding, machine operation, machine operator skills, =GMP, good manufacturing practice, good manufacturing practices | | Lean
Material Handling | materials handling, lifting heavy objects, manual handling | | Warehouse Operations
Journeyman Electrician License | journeyman license, journeyman electrician license, master electrician license, electrical license | Electrical Systems |
Driver's License | valid driver's license, valid drivers license, driver's licence, driving licence, valid driver license | |
Heat Pumps | heat pump, heat pump installation, ductless mini-splits, mini-split heat pumps | HVAC |
Brazing | brazed, brazing copper, silver brazing | HVAC |
Compressor Replacement | replaced compressors, compressor replacement, compressor repair | HVAC |
NATE Certification | =NATE, =NATE certified, NATE certification | HVAC |
Wiring Diagrams | wiring diagrams, reading wiring diagrams, electrical diagrams, ladder diagrams | Electrical Troubleshooting |
ServiceTitan | Service Titan | |
Water Heater Installation | water heaters, tankless water heaters, water heater repair, water heater replacement | Plumbing |
Sewer Camera Inspection | sewer camera, sewer cameras, camera inspection, drain camera, jetter, hydro jetting, hydro-jetting | Plumbing |
PEX | =PEX, =PEX piping, cross-linked polyethylene | Plumbing |
Copper Piping | copper supply lines, copper pipe, sweating copper | Plumbing |
Backflow Testing | backflow prevention tester, backflow tester certification, backflow testing certification, backflow tester | Plumbing |
Plumbing License | plumbing license, journeyman plumber license, master plumber license, plumber's license | Plumbing |
AWS Certification | =AWS D1.1, AWS certified welder, AWS welding certification, =AWS D1.1 certification, =CWI, certified welding inspector | Welding |
CNC Plasma Cutting | =CNC plasma, CNC plasma table, plasma table, plasma cutter, =CNC plasma cutting | Metal Fabrication |
Hypertherm | Hypertherm plasma | Metal Fabrication |
CMMS | =CMMS, computerized maintenance management system, maintenance management system | Preventive Maintenance |
IBM Maximo | Maximo, =IBM Maximo | CMMS |
Submittals | submittal review, reviewed submittals, submittal logs | Construction |
RFIs | =RFI, =RFIs, requests for information, request for information | Construction |
Procore | =Procore | Construction |
Bluebeam Revu | Bluebeam, Bluebeam Revu | Construction |
Subcontractor Management | coordinated subcontractors, subcontractor coordination, managing subcontractors, trade coordination, coordinated 15 subcontractors | Construction |
`,
};
