import type { SkillSource } from './format';

/** Freight, warehousing, dispatch and trade compliance (hand-curated; O*NET adds the software products). */
export const LOGISTICS: SkillSource = {
  category: 'logistics',
  lines: `
Physical Inventory | annual physical inventory, physical inventories, wall-to-wall inventory, stocktaking, stock take | Inventory Management |
Safety Stock | safety stocks, reorder points, reorder point, buffer stock | Inventory Management |
ABC Analysis | =ABC classification, ABC inventory classification, ABC analyses | Inventory Management |
Receiving | receiving dock, inbound receiving, goods receipt, check-in of deliveries | Warehouse Operations | Putaway
Putaway | put-away, put away, putaway process | Warehouse Operations |
RF Scanners | RF scanner, RF guns, RF gun, handheld scanners, barcode scanners, barcode scanning, radio frequency scanners, =RF scanning | Warehouse Operations |
Dispatching | fleet dispatch, load dispatching, truck dispatching, fleet dispatcher, truck dispatcher | Logistics | Route Planning
Route Planning | route optimization, route optimisation, routing, plan routes, route planning software | Logistics | Dispatching
Shipment Tracking | track shipments, tracking shipments, shipment visibility, freight tracking, load tracking | Logistics |
Freight Negotiation | negotiated freight rates, freight rate negotiation, carrier negotiation, negotiate freight rates, carrier rate negotiation | Logistics | Negotiation
LTL Shipping | =LTL, less-than-truckload, less than truckload, =LTL carriers, =FTL, full truckload | Logistics |
Ocean Freight | ocean shipping, container bookings, sea freight, ocean carriers, =FCL, =LCL | Logistics | Import/Export
Air Freight | air cargo, air shipping | Logistics |
Import/Export | import and export, import/export coordinator, international shipping, international trade, export compliance, export documentation | Logistics | Customs Clearance
Customs Clearance | customs entries, customs brokerage, customs compliance, customs documentation, customs entry | Import/Export |
Bills of Lading | bill of lading, =BOL, =BOLs, bills of lading preparation, air waybills | Import/Export |
HTS Classification | =HTS codes, =HTS code, harmonized tariff schedule, tariff classification, =HS codes | Customs Clearance |
Importer Security Filing | =ISF, =ISF filing, 10+2 filing | Customs Clearance |
Incoterms | Incoterms 2020, Incoterms 2010, =INCOTERMS | Import/Export |
C-TPAT | =CTPAT, Customs-Trade Partnership Against Terrorism | Customs Clearance |
Pre-Trip Inspection | pre-trip inspections, pre-trip and post-trip inspections, post-trip inspections, vehicle inspections, =DVIR | Commercial Driving |
Electronic Logging Devices | =ELD, =ELDs, electronic logs, e-logs, log hours on ELD | Commercial Driving | Hours of Service
Hours of Service | hours-of-service, =HOS, =HOS regulations, hours of service rules | DOT Regulations |
DOT Regulations | =DOT, FMCSA regulations, DOT compliance, =DOT medical card, DOT physical, clean =MVR | Commercial Driving |
Tanker Endorsement | tanker endorsements, =N endorsement, tanker | Commercial Driving |
Fleet Management | fleet operations, fleet maintenance scheduling, fleet tracking, telematics | Logistics |
DAT Load Board | =DAT, DAT load boards, load boards, load board, Truckstop.com | Dispatching |
Samsara | Samsara dash cams, Samsara telematics | Fleet Management |
Omnitracs | Omnitracs ELD | Electronic Logging Devices |
McLeod LoadMaster | McLeod Software, LoadMaster | Dispatching |
CargoWise | CargoWise One, =CW1 | Import/Export |
Manhattan WMS | Manhattan Associates WMS, Manhattan Active Warehouse Management, Manhattan SCALE | Warehouse Operations |
SAP EWM | SAP Extended Warehouse Management, =EWM | Warehouse Operations |
Oracle WMS | Oracle Warehouse Management, Oracle WMS Cloud | Warehouse Operations |
SAP APO | SAP Advanced Planning and Optimization, SAP IBP, SAP Integrated Business Planning | Demand Planning |
CPIM | =APICS CPIM, Certified in Planning and Inventory Management, =CSCP, APICS certification | Supply Chain Management |
`,
};
