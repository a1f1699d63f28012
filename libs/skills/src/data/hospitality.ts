import type { SkillSource } from './format';

/** Hotels, restaurants, bars and events (hand-curated). */
export const HOSPITALITY: SkillSource = {
  category: 'hospitality',
  lines: `
Front Desk Operations | front desk agent, front desk operations, guest check-in, check guests in and out, checked guests in and out, check-in and check-out, hotel front desk | | Reservations Management
Reservations Management | reservations, handled reservations, reservation management, booking management, room reservations | | Front Desk Operations
Guest Satisfaction | guest satisfaction score, guest experience, guest relations | | Customer Service
Complaint Resolution | resolved guest complaints, resolve complaints, handling complaints, complaint handling, guest complaints, service recovery | | Customer Service
Room Inspection | inspect rooms, room inspections, inspected rooms, brand standards inspections | Janitorial |
Laundry Operations | laundry, laundry services, linen management | Janitorial |
Banquet Service | banquets, banquet captain, banquet server, banquet operations, catering service | Food Service |
Banquet Event Orders | =BEO, =BEOs, banquet event order | Banquet Service |
Event Setup | set rooms, room setup, event set-up, room sets, event setup and breakdown | Event Planning |
Food Service | plated and buffet service, food and beverage service, =F&B service, table service, fine dining service, food server, serving food | | Culinary Skills
Kitchen Coordination | coordinate with the kitchen, front and back of house coordination, expediting, expo | Food Service |
Grilling | grill station, work the grill, grill cook, charbroiling | Culinary Skills |
Sautéing | sauté station, saute station, sauteing | Culinary Skills |
Mise en Place | mise-en-place, prep mise en place | Culinary Skills |
Recipe Following | follow recipes, following recipes, standardized recipes, recipe cards | Culinary Skills |
Plating | plating guides, food plating, plate presentation | Culinary Skills |
Menu Development | cocktail menus, menu design, menu creation, menu engineering, menu planning and costing | Culinary Skills |
Food Cost Control | food cost, food costing, food cost percentage, controlled food cost, cost of goods sold control, plate costing | Restaurant Management |
Restaurant Management | restaurant general manager, restaurant operations, restaurant manager, general manager of a restaurant | | Food Cost Control
Health Inspections | health inspection, health department inspections, health code compliance | Food Safety |
Responsible Alcohol Service | responsible alcohol service, responsible beverage service, alcohol awareness, responsible service of alcohol, =RSA | Bartending |
Liquor Inventory | liquor inventory and ordering, bar inventory, beverage inventory, liquor cost | Inventory Management |
Toast POS | =Toast, Toast KDS, Toast point of sale | Retail Operations |
Square POS | Square point of sale, Square for Restaurants | Retail Operations |
Oracle Opera PMS | Opera PMS, =OPERA, Opera Cloud, Oracle Hospitality OPERA, Oracle Hospitality | Front Desk Operations |
HotSOS | Amadeus HotSOS | Janitorial |
Tripleseat | Tripleseat event management | Event Planning |
7shifts | 7shifts scheduling | Employee Scheduling |
MarginEdge | MarginEdge invoice processing | Food Cost Control |
Employee Scheduling | staff scheduling, shift scheduling, scheduling staff, crew scheduling, work schedules, assign boards | | Leadership
`,
};
