import { curvesSection } from './sections/curvesSection.js';
import { downloadsSection } from './sections/downloadsSection.js';
import { featuresSection } from './sections/featuresSection.js';
import { gainsSection } from './sections/gainsSection.js';
import { helpSection } from './sections/helpSection.js';
import { metaSection } from './sections/metaSection.js';
import { modelViewsSection } from './sections/modelViewsSection.js';
import { predictorsSection } from './sections/predictorsSection.js';
import { recommendSection } from './sections/recommendSection.js';
import { studySection } from './sections/studySection.js';
import type { ReportSection } from './section.js';

/** The report's sections in page order. A new analysis adds its section here and nowhere else. */
export const reportSections: readonly ReportSection[] = [
  studySection,
  gainsSection,
  helpSection,
  modelViewsSection,
  curvesSection,
  metaSection,
  recommendSection,
  predictorsSection,
  featuresSection,
  downloadsSection,
];
