import type { SkillSource } from './format';

export const DESIGN: SkillSource = {
  category: 'design',
  lines: `
UX Design | =UX, user experience design, user experience, experience design, UX designer | | UI Design, User Research, Interaction Design
UI Design | =UI, user interface design, visual interface design, UI design skills | | UX Design, Visual Design
User Research | UX research, usability research, user interviews, user testing, ethnographic research, contextual inquiry, surveys and interviews | UX Design | Usability Testing
Usability Testing | usability tests, usability studies, heuristic evaluation | User Research |
Interaction Design | =IxD, interaction patterns, micro-interactions | UX Design | Prototyping
Information Architecture | =IA, card sorting, site maps, sitemaps | UX Design |
Wireframing | wireframes, wireframe, low-fidelity wireframes | UX Design | Prototyping
Prototyping | prototypes, interactive prototypes, high-fidelity prototypes, rapid prototyping | UX Design | Figma
Design Systems | design system, component libraries, component library, UI kits, design tokens | UI Design | Figma, Storybook
Visual Design | visual communication, layout design, composition | | Typography, Color Theory
Graphic Design | graphic designer skills, print design, marketing collateral, visual identity, graphic designer | | Adobe Illustrator, Typography
Typography | type design, typesetting | Graphic Design |
Color Theory | colour theory | Graphic Design |
Branding | brand design, brand identity, logo design, brand guidelines, visual branding | Graphic Design | Brand Management
Illustration | digital illustration, drawing, hand drawing, illustrations | | Adobe Illustrator
Motion Design | motion graphics, animation, 2D animation, animated graphics | | Adobe After Effects
3D Modeling | 3D modelling, 3D design, 3D rendering, 3D modeling and rendering | | Blender, Autodesk Maya
Product Design | digital product design, end-to-end product design, product designer | UX Design | UI Design
Service Design | service blueprints, customer journey mapping, journey mapping, journey maps | UX Design |
Design Thinking | human-centered design, human-centred design, user-centered design, user-centred design | UX Design |
Accessibility Design | inclusive design, accessible design | UX Design | Web Accessibility
Figma | FigJam | | Sketch, Prototyping
Sketch | ?Sketch, Sketch app | | Figma
Adobe XD | =XD | | Figma
InVision | =InVision, Invision | | Prototyping
Zeplin | | | Figma
Framer | =Framer | | Prototyping
Adobe Creative Suite | Adobe Creative Cloud, Adobe CC, Creative Cloud, Adobe Suite, Creative Suite | | Adobe Photoshop, Adobe Illustrator
Adobe Photoshop | Photoshop, =PS, Adobe PS | Adobe Creative Suite |
Adobe Illustrator | ?Illustrator, =AI Illustrator | Adobe Creative Suite |
Adobe InDesign | InDesign | Adobe Creative Suite | Typography
Adobe After Effects | =After Effects, =AE | Adobe Creative Suite | Motion Design
Adobe Premiere Pro | Premiere Pro, ?Premiere, Adobe Premiere | Adobe Creative Suite | Video Editing
Adobe Lightroom | Lightroom | Adobe Creative Suite | Photography
Final Cut Pro | Final Cut, FCPX, DaVinci Resolve | | Video Editing
Video Editing | video production, video post-production, post-production, editing video | | Adobe Premiere Pro
Photography | photo editing, product photography, photographer skills, photo retouching, retouching | | Adobe Lightroom
Canva | | | Graphic Design
Blender | ?Blender, Blender 3D | 3D Modeling |
Autodesk Maya | ?Maya, Maya 3D | 3D Modeling |
Cinema 4D | =C4D | 3D Modeling | Motion Design
AutoCAD | Auto CAD, AutoCAD LT, Autodesk AutoCAD | Computer-Aided Design |
Computer-Aided Design | =CAD, CAD software, CAD drafting, computer aided design, drafting, technical drawing | | AutoCAD, SolidWorks
SolidWorks | Solidworks, Solid Works | Computer-Aided Design |
Revit | Autodesk Revit, =BIM, building information modeling | Computer-Aided Design |
SketchUp | Sketchup, Google SketchUp | Computer-Aided Design |
Fusion 360 | Autodesk Fusion 360, Inventor, Autodesk Inventor, CATIA | Computer-Aided Design |
Interior Design | space planning, interior architecture | | SketchUp, Revit
Fashion Design | pattern making, patternmaking, garment construction | |
Industrial Design | product design engineering, industrial designer skills | | 3D Modeling
UX Writing | content design, microcopy, UX copywriting | UX Design | Copywriting
`,
};
